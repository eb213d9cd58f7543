"""Preauthorizes a test card through the gateway, captures it, then reads the
notifications of the payment.

    pip install payone-gateway
    python first_call.py 127.0.0.1:50051 [token]
"""
import sys

from payone.v1 import common_pb2, payment_methods_pb2, payment_requests_pb2, responses_pb2
from payone_gateway import GatewayClient, GatewayError, IdempotentOperation, new_id


def main(address: str, token: str = "") -> int:
    with GatewayClient(address, token=token or None) as client:
        request = payment_requests_pb2.PreauthorizationRequest(
            account="demo",
            reference="ex-" + new_id()[:12],
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
            # One idempotency key for this payment; a retry the gateway
            # allows reuses it.
            response = IdempotentOperation(client).call("preauthorize", request)
        except GatewayError as error:
            print(f"{error.code.name}: {error.message} (reason {error.reason or '-'}, "
                  f"retry_safe {error.retry_safe}, request id {error.request_id})",
                  file=sys.stderr)
            for violation in error.violations:
                print(f"  {violation.field}: {violation.description}", file=sys.stderr)
            return 1
        print(f"preauthorization: {responses_pb2.Status.Name(response.status)} txid={response.txid}")
        if response.status != responses_pb2.STATUS_APPROVED:
            print(f"  {response.errorcode} {response.errormessage}")
            return 1

        # The ledger fills in the sequence number.
        capture = IdempotentOperation(client).call("capture", payment_requests_pb2.CaptureRequest(
            account="demo", txid=response.txid, amount=1000, currency="EUR"))
        print(f"capture: {responses_pb2.Status.Name(capture.status)}")
        return 0 if capture.status == responses_pb2.STATUS_APPROVED else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]) if len(sys.argv) > 1 else main("127.0.0.1:50051"))
