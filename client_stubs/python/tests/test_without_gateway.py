"""IdempotentOperation's retry rule and the subscribers' stop-on-False in
both layers, against stand-in clients (no gateway): which errors are sent
again, with which key, after which waits; which event stays unacknowledged."""
import asyncio

import grpc
import pytest

import payone_gateway.aio
import payone_gateway.client
from payone.v1 import ledger_pb2
from payone_gateway import (AsyncIdempotentOperation, AsyncNotificationSubscriber, GatewayError,
                            IdempotentOperation, NotificationSubscriber)

NOT_SENT = GatewayError(grpc.StatusCode.UNAVAILABLE, "not sent", domain="payone-gateway",
                        retry_safe=True)
UNREACHABLE = GatewayError(grpc.StatusCode.UNAVAILABLE, "connection refused")
UNKNOWN = GatewayError(grpc.StatusCode.UNAVAILABLE, "outcome unknown", domain="payone-gateway")


class FakeClient:
    """Fails with the given errors, then answers "ok"; records the keys."""

    def __init__(self, *errors):
        self.errors = list(errors)
        self.keys = []

    def call(self, method, request, *, idempotency_key=None):
        self.keys.append(idempotency_key)
        if self.errors:
            raise self.errors.pop(0)
        return "ok"


class AsyncFakeClient(FakeClient):
    async def call(self, method, request, *, idempotency_key=None):
        return FakeClient.call(self, method, request, idempotency_key=idempotency_key)


@pytest.fixture
def waits(monkeypatch):
    """The waits between attempts, recorded instead of slept."""
    recorded = []

    async def async_sleep(seconds):
        recorded.append(seconds)

    monkeypatch.setattr(payone_gateway.client.time, "sleep", recorded.append)
    monkeypatch.setattr(payone_gateway.aio.asyncio, "sleep", async_sleep)
    return recorded


def test_retries_what_was_not_sent_with_one_key_and_doubling_waits(waits):
    client = FakeClient(NOT_SENT, UNREACHABLE)
    operation = IdempotentOperation(client, key="k-1", backoff=0.5)
    assert operation.call("capture", None) == "ok"
    assert operation.attempts == 3
    assert client.keys == ["k-1"] * 3
    assert waits == [0.5, 1.0]


def test_gives_up_after_max_attempts_and_never_retries_an_unknown_outcome(waits):
    with pytest.raises(GatewayError) as raised:
        IdempotentOperation(FakeClient(NOT_SENT, NOT_SENT), max_attempts=2).call("capture", None)
    assert raised.value is NOT_SENT
    operation = IdempotentOperation(FakeClient(UNKNOWN))
    with pytest.raises(GatewayError):
        operation.call("capture", None)
    assert operation.attempts == 1
    assert waits == [0.1]


def test_async_operation_follows_the_same_rule(waits):
    client = AsyncFakeClient(NOT_SENT, UNKNOWN)
    operation = AsyncIdempotentOperation(client, backoff=0.25)
    with pytest.raises(GatewayError) as raised:
        asyncio.run(operation.call("capture", None))
    assert raised.value is UNKNOWN
    assert operation.attempts == 2
    assert client.keys == [operation.key] * 2
    assert waits == [0.25]


class FakeStream:
    """Events with cursors 1, 2, 3, for both layers' loops."""

    def __init__(self):
        self.events = [ledger_pb2.TransactionStatusEvent(cursor=c) for c in (1, 2, 3)]

    def __iter__(self):
        return iter(self.events)

    async def __aiter__(self):
        for event in self.events:
            yield event

    def cancel(self):
        pass


class WatchClient:
    token = None

    class ledger:  # noqa: N801 (the stub's attribute name)
        @staticmethod
        def WatchTransactionStatus(request, **options):  # noqa: N802
            return FakeStream()


def test_a_handler_returning_false_stops_with_that_event_unacknowledged():
    seen = []

    def handle(event):
        seen.append(event.cursor)
        return event.cursor != 2

    subscriber = NotificationSubscriber(WatchClient(), "demo")
    subscriber.run(handle)
    assert seen == [1, 2]
    assert subscriber.acknowledged_cursor == 1

    async def handle_async(event):
        return handle(event)

    seen.clear()
    subscriber = AsyncNotificationSubscriber(WatchClient(), "demo")
    asyncio.run(subscriber.run(handle_async))
    assert seen == [1, 2]
    assert subscriber.acknowledged_cursor == 1
