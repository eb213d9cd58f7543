"""The gateway the tests call: PAYONE_GATEWAY_ADDRESS when the test command
started one, else bazel-bin/service/payone_gateway (or
$PAYONE_GATEWAY_BINARY) started here on its embedded simulator with
2 s of latency for references slow-*."""
import json
import os
import pathlib
import signal
import subprocess

import grpc
import pytest

from payone.v1 import gateway_pb2_grpc

REPO = pathlib.Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def address():
    if os.environ.get("PAYONE_GATEWAY_ADDRESS"):
        yield os.environ["PAYONE_GATEWAY_ADDRESS"]
        return
    binary = os.environ.get("PAYONE_GATEWAY_BINARY",
                            str(REPO / "bazel-bin/service/payone_gateway"))
    process = subprocess.Popen(
        [binary, "--listen=127.0.0.1:0", "--metrics_address=off",
         "--simulator_faults=latency=2s,reference=slow-*"],
        stderr=subprocess.PIPE, text=True)
    port = None
    for line in process.stderr:
        if line.startswith("{"):
            event = json.loads(line)
            if event.get("event") == "listening":
                port = event["port"]
                break
    assert port, "the gateway did not report its port"
    yield f"127.0.0.1:{port}"
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)


@pytest.fixture(scope="session")
def stub(address):
    with grpc.insecure_channel(address) as channel:
        yield gateway_pb2_grpc.PayoneGatewayStub(channel)
