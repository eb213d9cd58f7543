"""The installed distribution: the contract's version and the three services."""
import importlib.metadata
import os
import pathlib

import payone_gateway
from payone.v1 import client_api_pb2_grpc, gateway_pb2_grpc, ledger_pb2_grpc


def test_installed_wheel_has_the_contract_version():
    # client_stubs/VERSION: one version for the contract and every package.
    expected = os.environ.get("PAYONE_CONTRACT_VERSION")
    assert expected, "PAYONE_CONTRACT_VERSION (client_stubs/run_tests.sh sets it)"
    assert importlib.metadata.version("payone-gateway") == expected
    # Imported from the installed wheel, not from a source tree.
    assert "site-packages" in pathlib.Path(payone_gateway.__file__).parts
    for stub in (gateway_pb2_grpc.PayoneGatewayStub, ledger_pb2_grpc.PaymentLedgerStub,
                 client_api_pb2_grpc.PayoneClientApiStub):
        assert callable(stub)
