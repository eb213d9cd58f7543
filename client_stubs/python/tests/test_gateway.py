"""The client scenarios through the synchronous layer (payone_gateway)."""
import json
import threading
import time
import urllib.parse
import urllib.request

import grpc
import pytest

from payone.v1 import client_api_pb2, common_pb2, ledger_pb2, management_requests_pb2
from payone.v1 import payment_methods_pb2, payment_requests_pb2, responses_pb2
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


def test_pseudo_card_pan_from_the_browser_side_client_api(client):
    """PCI DSS SAQ A: the gateway prepares the browser's creditcardcheck
    (hash included), PAYONE (here the fixture's simulator) answers a
    pseudocardpan, the shop pays with it; card numbers are refused."""
    prepared = client.prepare_credit_card_check(
        client_api_pb2.PrepareCreditCardCheckRequest(account="demo-saq"))
    assert len(prepared.request.hash) == 96
    assert prepared.hosted_iframe_script_url.endswith("/client-api/js/v1/payone_hosted_min.js")
    # What the hosted iFrame sends from the customer's browser.
    fields = {field.name: value for field, value in prepared.request.ListFields()}
    fields.update(cardpan="4111111111111111", cardtype="V", cardexpiredate="3012",
                  cardcvc2="123")
    with urllib.request.urlopen(prepared.client_api_url,
                                urllib.parse.urlencode(fields).encode(), timeout=20) as answer:
        check = json.load(answer)
    assert check["status"] == "VALID", check
    assert check["truncatedcardpan"] == "411111XXXXXX1111"

    paid = IdempotentOperation(client).call("preauthorize", payment_requests_pb2.PreauthorizationRequest(
        account="demo-saq", reference=unique(), amount=1000, currency="EUR",
        personal_data=common_pb2.PersonalData(lastname="Mustermann", country="DE"),
        credit_card=payment_methods_pb2.CreditCardPayment(
            pseudocardpan=check["pseudocardpan"], cardtype=common_pb2.CARD_TYPE_VISA)))
    assert paid.status == responses_pb2.STATUS_APPROVED, paid

    with pytest.raises(GatewayError) as refused:
        client.preauthorize(card_preauthorization(unique(), account="demo-saq"))
    assert refused.value.code == grpc.StatusCode.INVALID_ARGUMENT
    assert any("PSEUDO_CARD_PAN_ONLY" in v.description for v in refused.value.violations)
    assert "4111111111111111" not in str(refused.value)


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
