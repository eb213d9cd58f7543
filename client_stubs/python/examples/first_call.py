"""Preauthorizes a test card through the gateway, then captures it.

    pip install ./client_stubs/python
    python client_stubs/python/examples/first_call.py 127.0.0.1:50051
"""
import sys
import uuid

import grpc
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from payone.v1 import common_pb2, gateway_pb2_grpc, payment_methods_pb2
from payone.v1 import payment_requests_pb2, responses_pb2


def main(address: str) -> int:
    with grpc.insecure_channel(address) as channel:
        gateway = gateway_pb2_grpc.PayoneGatewayStub(channel)
        request = payment_requests_pb2.PreauthorizationRequest(
            account="demo",
            reference="ex-" + uuid.uuid4().hex[:12],
            amount=1000,  # 10.00 EUR, in cents
            currency="EUR",
            personal_data=common_pb2.PersonalData(lastname="Mustermann", country="DE"),
            credit_card=payment_methods_pb2.CreditCardPayment(
                cardpan="4111111111111111",
                cardtype=common_pb2.CARD_TYPE_VISA,
                cardexpiredate="3012",
                cardcvc2="123",
            ),
        )
        try:
            response = gateway.Preauthorize(request, timeout=10)
        except grpc.RpcError as error:
            print(f"{error.code().name}: {error.details()}", file=sys.stderr)
            status = rpc_status.from_call(error)
            for detail in status.details if status else []:
                bad_request = error_details_pb2.BadRequest()
                if detail.Unpack(bad_request):
                    for violation in bad_request.field_violations:
                        print(f"  {violation.field}: {violation.description}", file=sys.stderr)
            return 1
        print(f"preauthorization: {responses_pb2.Status.Name(response.status)} txid={response.txid}")
        if response.status != responses_pb2.STATUS_APPROVED:
            print(f"  {response.errorcode} {response.errormessage}")
            return 1

        capture = gateway.Capture(
            payment_requests_pb2.CaptureRequest(
                account="demo", txid=response.txid, sequencenumber=1, amount=1000, currency="EUR"),
            timeout=10,
        )
        print(f"capture: {responses_pb2.Status.Name(capture.status)}")
        return 0 if capture.status == responses_pb2.STATUS_APPROVED else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:50051"))
