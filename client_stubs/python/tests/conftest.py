"""The gateway the tests call: the gateway fixture process
(//client_stubs/cpp:gateway_fixture_main, $PAYONE_GATEWAY_FIXTURE): the
simulator and the gateway on loopback, a client token, 2 s of latency for
references slow-*, restartable on the same ledger."""
import json
import os
import pathlib
import subprocess

import pytest

from payone_gateway import GatewayClient

REPO = pathlib.Path(__file__).resolve().parents[3]
TOKEN = "python-client-test-token"


class GatewayFixture:
    """The fixture process: stdout says the port, stdin takes commands."""

    def __init__(self):
        binary = os.environ.get("PAYONE_GATEWAY_FIXTURE",
                                str(REPO / "bazel-bin/client_stubs/cpp/gateway_fixture_main"))
        self.process = subprocess.Popen(
            [binary, "--faults=latency=2s,reference=slow-*", f"--token={TOKEN}"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.address = f"127.0.0.1:{self._answer('listening')['port']}"

    def _answer(self, expected):
        event = json.loads(self.process.stdout.readline() or "{}")
        assert event.get("event") == expected, f"gateway fixture: {event}"
        return event

    def _command(self, line, expected):
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self._answer(expected)

    def restart(self):
        """Kills the gateway and starts it again on the same port and ledger."""
        self._command("restart", "restarted")

    def add_fault(self, rule):
        self._command(f"fault {rule}", "fault_added")

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(scope="session")
def gateway():
    fixture = GatewayFixture()
    yield fixture
    fixture.close()


@pytest.fixture
def fresh_gateway():
    """A gateway of the test's own, for tests that restart it."""
    fixture = GatewayFixture()
    yield fixture
    fixture.close()


@pytest.fixture(scope="session")
def client(gateway):
    with GatewayClient(gateway.address, token=TOKEN) as client:
        yield client
