"""The client scenarios through the synchronous layer (payone_gateway)."""
import threading
import time

import grpc
import pytest

from payone.v1 import common_pb2, ledger_pb2, management_requests_pb2
from payone.v1 import payment_requests_pb2, responses_pb2
from payone_gateway import GatewayClient, GatewayError, IdempotentOperation, NotificationSubscriber

from conftest import TOKEN
from payments import card_preauthorization, invalid_preauthorization, sepa_authorization, unique


def test_preauthorize_capture_twice_refund_one_item(client):
    pre = IdempotentOperation(client).call("preauthorize", card_preauthorization(unique()))
    assert pre.status == responses_pb2.STATUS_APPROVED, pre

    for amount, mode in ((6000, common_pb2.CAPTURE_MODE_NOTCOMPLETED),
                         (4000, common_pb2.CAPTURE_MODE_COMPLETED)):
        # The ledger fills in the sequence number.
        capture = IdempotentOperation(client).call("capture", payment_requests_pb2.CaptureRequest(
            account="demo", txid=pre.txid, amount=amount, currency="EUR", capturemode=mode))
        assert capture.status == responses_pb2.STATUS_APPROVED, capture

    refund = IdempotentOperation(client).call("refund", payment_requests_pb2.RefundRequest(
        account="demo", txid=pre.txid, amount=-2500, currency="EUR",
        items=[common_pb2.Article(type=common_pb2.ITEM_TYPE_GOODS, id="SKU-1", price=2500,
                                  quantity=1, description="Mug", vat_rate=19)]))
    assert refund.status == responses_pb2.STATUS_APPROVED, refund
    payment = client.get_payment(ledger_pb2.GetPaymentRequest(account="demo", txid=pre.txid))
    assert (payment.captured_amount, payment.refunded_amount) == (10000, 2500)


def test_sepa_direct_debit_with_mandate(client):
    iban = "DE02120300000000202051"
    mandate = client.manage_mandate(management_requests_pb2.ManageMandateRequest(
        account="demo", currency="EUR", iban=iban, lastname="Mustermann", country="DE"))
    assert mandate.status == responses_pb2.STATUS_APPROVED, mandate

    authorization = IdempotentOperation(client).call(
        "authorize", sepa_authorization(iban, mandate.mandate_identification))
    assert authorization.status == responses_pb2.STATUS_APPROVED, authorization
    assert authorization.mandate_identification == mandate.mandate_identification


def test_three_invalid_fields_come_back_as_one_typed_error(client):
    with pytest.raises(GatewayError) as raised:
        client.preauthorize(invalid_preauthorization(), request_id="py-bad-request-1")
    error = raised.value
    assert error.code == grpc.StatusCode.INVALID_ARGUMENT
    assert {v.field for v in error.violations} == {"reference", "currency", "credit_card.cardpan"}
    assert not error.retry_safe
    assert error.request_id == "py-bad-request-1"
    assert "4111111111111112" not in str(error)


def test_deadline_shorter_than_latency(client):
    started = time.monotonic()
    with pytest.raises(GatewayError) as raised:
        client.preauthorize(card_preauthorization(unique("slow-")), timeout=0.3)
    assert raised.value.code == grpc.StatusCode.DEADLINE_EXCEEDED
    assert time.monotonic() - started < 1.5


def test_idempotent_retry_after_outcome_unknown_is_never_sent_twice(gateway, client):
    reference = unique("unk-")
    gateway.add_fault(f"reset_after,times=1,reference={reference}")
    operation = IdempotentOperation(client)
    with pytest.raises(GatewayError) as unknown:
        operation.call("preauthorize", card_preauthorization(reference))
    assert unknown.value.code == grpc.StatusCode.UNKNOWN
    assert unknown.value.reason == "PAYONE_OUTCOME_UNKNOWN"
    assert not unknown.value.retry_safe
    assert operation.attempts == 1, "an unsafe error was retried"

    # The caller retries the same operation: the same key, so the gateway
    # refuses instead of sending the payment a second time.
    with pytest.raises(GatewayError) as in_flight:
        operation.call("preauthorize", card_preauthorization(reference))
    assert in_flight.value.code == grpc.StatusCode.ABORTED
    assert in_flight.value.reason == "IDEMPOTENCY_KEY_IN_FLIGHT"

    # A completed operation called again replays its first answer.
    approved = IdempotentOperation(client)
    request = card_preauthorization(unique("rp-"))
    first = approved.call("preauthorize", request)
    assert first.status == responses_pb2.STATUS_APPROVED, first
    assert approved.call("preauthorize", request).txid == first.txid


def test_watch_resumes_after_the_gateway_restarts(fresh_gateway):
    with GatewayClient(fresh_gateway.address, token=TOKEN) as client:
        subscriber = NotificationSubscriber(client, "demo")
        events, arrived = [], threading.Condition()

        def handle(event):
            with arrived:
                events.append(event)
                arrived.notify_all()

        def wait_for(txid):
            with arrived:
                assert arrived.wait_for(
                    lambda: any(e.notification.txid == txid for e in events), timeout=30)

        running = threading.Thread(target=subscriber.run, args=(handle,))
        running.start()
        try:
            before = IdempotentOperation(client).call(
                "preauthorize", card_preauthorization(unique("watch-")))
            wait_for(before.txid)
            fresh_gateway.restart()
            after = IdempotentOperation(client).call(
                "preauthorize", card_preauthorization(unique("watch-")), wait_for_ready=True)
            wait_for(after.txid)
        finally:
            subscriber.stop()
            running.join(timeout=30)
        cursors = [e.cursor for e in events]
        assert cursors == sorted(set(cursors)), "an event came twice"
        assert subscriber.reconnects >= 1
        assert subscriber.acknowledged_cursor == cursors[-1]
