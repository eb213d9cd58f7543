"""The client scenarios through the asyncio layer (payone_gateway.aio)."""
import asyncio
import time

import grpc
import pytest

from payone.v1 import common_pb2, management_requests_pb2
from payone.v1 import payment_requests_pb2, responses_pb2
from payone_gateway import (AsyncGatewayClient, AsyncIdempotentOperation,
                            AsyncNotificationSubscriber, GatewayError)

from conftest import TOKEN
from payments import card_preauthorization, invalid_preauthorization, sepa_authorization, unique


def run(gateway, scenario):
    """Runs scenario(client) on a fresh event loop and client."""
    async def main():
        async with AsyncGatewayClient(gateway.address, token=TOKEN) as client:
            return await scenario(client)
    return asyncio.run(main())


def test_preauthorize_capture_twice_refund_one_item(gateway):
    async def scenario(client):
        pre = await AsyncIdempotentOperation(client).call(
            "preauthorize", card_preauthorization(unique()))
        assert pre.status == responses_pb2.STATUS_APPROVED, pre
        for amount, mode in ((6000, common_pb2.CAPTURE_MODE_NOTCOMPLETED),
                             (4000, common_pb2.CAPTURE_MODE_COMPLETED)):
            capture = await AsyncIdempotentOperation(client).call(
                "capture", payment_requests_pb2.CaptureRequest(
                    account="demo", txid=pre.txid, amount=amount, currency="EUR",
                    capturemode=mode))
            assert capture.status == responses_pb2.STATUS_APPROVED, capture
        refund = await AsyncIdempotentOperation(client).call(
            "refund", payment_requests_pb2.RefundRequest(
                account="demo", txid=pre.txid, amount=-2500, currency="EUR",
                items=[common_pb2.Article(type=common_pb2.ITEM_TYPE_GOODS, id="SKU-1",
                                          price=2500, quantity=1, description="Mug",
                                          vat_rate=19)]))
        assert refund.status == responses_pb2.STATUS_APPROVED, refund
    run(gateway, scenario)


def test_sepa_direct_debit_with_mandate(gateway):
    async def scenario(client):
        iban = "DE02120300000000202051"
        mandate = await client.manage_mandate(management_requests_pb2.ManageMandateRequest(
            account="demo", currency="EUR", iban=iban, lastname="Mustermann", country="DE"))
        authorization = await AsyncIdempotentOperation(client).call(
            "authorize", sepa_authorization(iban, mandate.mandate_identification))
        assert authorization.status == responses_pb2.STATUS_APPROVED, authorization
    run(gateway, scenario)


def test_three_invalid_fields_come_back_as_one_typed_error(gateway):
    async def scenario(client):
        with pytest.raises(GatewayError) as raised:
            await client.preauthorize(invalid_preauthorization(), request_id="py-aio-bad-1")
        assert raised.value.code == grpc.StatusCode.INVALID_ARGUMENT
        assert {v.field for v in raised.value.violations} == {
            "reference", "currency", "credit_card.cardpan"}
        assert raised.value.request_id == "py-aio-bad-1"
    run(gateway, scenario)


def test_deadline_shorter_than_latency(gateway):
    async def scenario(client):
        started = time.monotonic()
        with pytest.raises(GatewayError) as raised:
            await client.preauthorize(card_preauthorization(unique("slow-")), timeout=0.3)
        assert raised.value.code == grpc.StatusCode.DEADLINE_EXCEEDED
        assert time.monotonic() - started < 1.5
    run(gateway, scenario)


def test_idempotent_retry_after_outcome_unknown_is_never_sent_twice(gateway):
    reference = unique("unk-")
    gateway.add_fault(f"reset_after,times=1,reference={reference}")

    async def scenario(client):
        operation = AsyncIdempotentOperation(client)
        with pytest.raises(GatewayError) as unknown:
            await operation.call("preauthorize", card_preauthorization(reference))
        assert (unknown.value.reason, unknown.value.retry_safe) == ("PAYONE_OUTCOME_UNKNOWN", False)
        assert operation.attempts == 1
        with pytest.raises(GatewayError) as in_flight:
            await operation.call("preauthorize", card_preauthorization(reference))
        assert in_flight.value.code == grpc.StatusCode.ABORTED
        assert in_flight.value.reason == "IDEMPOTENCY_KEY_IN_FLIGHT"
    run(gateway, scenario)


def test_watch_resumes_after_the_gateway_restarts(fresh_gateway):
    async def scenario(client):
        subscriber = AsyncNotificationSubscriber(client, "demo")
        events, arrived = [], asyncio.Condition()

        async def handle(event):
            async with arrived:
                events.append(event)
                arrived.notify_all()

        async def wait_for(txid):
            async with arrived:
                await asyncio.wait_for(arrived.wait_for(
                    lambda: any(e.notification.txid == txid for e in events)), 30)

        running = asyncio.create_task(subscriber.run(handle))
        before = await AsyncIdempotentOperation(client).call(
            "preauthorize", card_preauthorization(unique("watch-")))
        await wait_for(before.txid)
        await asyncio.to_thread(fresh_gateway.restart)
        after = await AsyncIdempotentOperation(client).call(
            "preauthorize", card_preauthorization(unique("watch-")), wait_for_ready=True)
        await wait_for(after.txid)
        subscriber.stop()
        await asyncio.wait_for(running, 30)
        cursors = [e.cursor for e in events]
        assert cursors == sorted(set(cursors)), "an event came twice"
        assert subscriber.reconnects >= 1
    run(fresh_gateway, scenario)
