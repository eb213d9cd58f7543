"""grpcurl (installed by client_stubs/setup.sh from the Go module proxy) drives
the gateway through server reflection: list, describe, and a Preauthorize with
JSON input, exactly as client_stubs/README.md shows them.

The gateway: $PAYONE_GATEWAY_ADDRESS, or bazel-bin/service/payone_gateway_dev
(or $PAYONE_GATEWAY_DEV_BINARY) started here. grpcurl: $GRPCURL, or grpcurl in
~/.cache/payone-client-stubs/bin or on the PATH."""
import json
import os
import pathlib
import shutil
import signal
import subprocess
import uuid

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
CACHE = pathlib.Path(os.environ.get("PAYONE_STUBS_CACHE",
                                    pathlib.Path.home() / ".cache/payone-client-stubs"))
GRPCURL = (os.environ.get("GRPCURL")
           or (str(CACHE / "bin/grpcurl") if (CACHE / "bin/grpcurl").exists() else None)
           or shutil.which("grpcurl"))


@pytest.fixture(scope="module")
def address():
    if os.environ.get("PAYONE_GATEWAY_ADDRESS"):
        yield os.environ["PAYONE_GATEWAY_ADDRESS"]
        return
    binary = os.environ.get("PAYONE_GATEWAY_DEV_BINARY", str(REPO / "bazel-bin/service/payone_gateway_dev"))
    process = subprocess.Popen([binary, "--listen=127.0.0.1:0", "--metrics_address=off"],
                               stderr=subprocess.PIPE, text=True)
    port = next(json.loads(line)["port"] for line in process.stderr
                if line.startswith('{"event":"listening"'))
    yield f"127.0.0.1:{port}"
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)


def grpcurl(*args, data=None):
    assert GRPCURL, "grpcurl is not installed: run client_stubs/setup.sh grpcurl"
    result = subprocess.run([GRPCURL, "-plaintext", *args], input=data, capture_output=True,
                            text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_list(address):
    services = grpcurl(address, "list").split()
    assert "payone.v1.PayoneGateway" in services
    methods = grpcurl(address, "list", "payone.v1.PayoneGateway").split()
    assert "payone.v1.PayoneGateway.Preauthorize" in methods
    assert len(methods) == 20


def test_describe(address):
    method = grpcurl(address, "describe", "payone.v1.PayoneGateway.Preauthorize")
    assert ("rpc Preauthorize ( .payone.v1.PreauthorizationRequest ) "
            "returns ( .payone.v1.PreauthorizationResponse )") in method
    message = grpcurl(address, "describe", "payone.v1.PreauthorizationRequest")
    assert "string reference = 2" in message
    assert ".payone.v1.CreditCardPayment credit_card = 25" in message


def preauthorize(address, account, reference_prefix, card):
    """Reserves 100.00 EUR on a Visa `card` (its number fields) with JSON on
    stdin, as the READMEs show it; returns the answer."""
    request = {
        "account": account, "reference": reference_prefix + uuid.uuid4().hex[:12],
        "amount": "10000", "currency": "EUR",
        "personal_data": {"lastname": "Mustermann", "country": "DE"},
        "credit_card": dict(card, cardtype="CARD_TYPE_VISA", cardexpiredate="3012"),
    }
    return json.loads(grpcurl("-d", "@", address, "payone.v1.PayoneGateway/Preauthorize",
                              data=json.dumps(request)))


def test_preauthorize_with_json_input(address):
    response = preauthorize(address, "demo", "curl-",
                            {"cardpan": "4111111111111111", "cardcvc2": "123"})
    assert response["status"] == "STATUS_APPROVED", response
    assert response["txid"]


def test_prepare_credit_card_check(address):
    """The README's first step of a card payment without card data."""
    assert "payone.v1.PayoneClientApi" in grpcurl(address, "list").split()
    prepared = json.loads(grpcurl("-d", '{"account": "demo-saq"}', address,
                                  "payone.v1.PayoneClientApi/PrepareCreditCardCheck"))
    assert prepared["request"]["request"] == "creditcardcheck"
    assert len(prepared["request"]["hash"]) == 96
    # grpcurl prints the original field names.
    assert prepared["hosted_iframe_script_url"].endswith("/client-api/js/v1/payone_hosted_min.js")


def test_preauthorize_with_a_pseudo_card_pan(address):
    """The top README's first example: no card number, a pseudocardpan."""
    response = preauthorize(address, "demo-saq", "saq-", {"pseudocardpan": "4100000227987220"})
    assert response["status"] == "STATUS_APPROVED", response
