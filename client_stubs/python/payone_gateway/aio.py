"""The asyncio client: the same concepts as the synchronous one, awaited."""
from __future__ import annotations

import asyncio
import inspect
from typing import Any, Awaitable, Callable, Optional, Union

import grpc
import grpc.aio

from payone.v1 import gateway_pb2_grpc, ledger_pb2, ledger_pb2_grpc

from ._calls import DEFAULT_TIMEOUT, Tls, call_metadata, channel_credentials, new_id, resolve
from .client import RECONNECTABLE
from .errors import GatewayError


class AsyncGatewayClient:
    """The asyncio twin of :class:`payone_gateway.GatewayClient`: every unary
    RPC is a coroutine method in snake_case (``await client.preauthorize(request)``)
    with the same keyword options; a failed call raises
    :class:`GatewayError`. Close it with ``await client.close()`` or use
    ``async with``."""

    def __init__(self, address: str, *, token: Optional[str] = None, tls: Tls = False,
                 root_certificates: Optional[bytes] = None,
                 timeout: float = DEFAULT_TIMEOUT, options=None):
        credentials = channel_credentials(tls, root_certificates)
        self.channel = (grpc.aio.secure_channel(address, credentials, options=options)
                        if credentials else grpc.aio.insecure_channel(address, options=options))
        self.gateway = gateway_pb2_grpc.PayoneGatewayStub(self.channel)
        self.ledger = ledger_pb2_grpc.PaymentLedgerStub(self.channel)
        self.token = token
        self.timeout = timeout

    async def __aenter__(self) -> "AsyncGatewayClient":
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    async def close(self) -> None:
        await self.channel.close()

    async def call(self, method: str, request, *, timeout: Optional[float] = None,
                   request_id: Optional[str] = None, idempotency_key: Optional[str] = None,
                   wait_for_ready: Optional[bool] = None):
        """Calls a unary RPC by name ("preauthorize" or "Preauthorize")."""
        stub, rpc = resolve(method)
        request_id = request_id or new_id()
        try:
            return await getattr(getattr(self, stub), rpc)(
                request, timeout=timeout or self.timeout,
                metadata=call_metadata(self.token, request_id, idempotency_key),
                wait_for_ready=wait_for_ready)
        except grpc.RpcError as error:
            raise GatewayError.from_details(error.code(), error.details(),
                                            error.trailing_metadata(), request_id) from None

    def __getattr__(self, name: str) -> Callable[..., Awaitable[Any]]:
        resolve(name)
        return lambda request, **options: self.call(name, request, **options)


class AsyncIdempotentOperation:
    """:class:`payone_gateway.IdempotentOperation` for the asyncio client: one
    key for every attempt of one logical operation; retries by itself only
    what the gateway marks ``retry_safe`` and an unreachable gateway."""

    def __init__(self, client: AsyncGatewayClient, *, key: Optional[str] = None,
                 max_attempts: int = 3, backoff: float = 0.1):
        self.client = client
        self.key = key or new_id()
        self.max_attempts = max_attempts
        self.backoff = backoff
        self.attempts = 0

    async def call(self, method: str, request, **options):
        delay = self.backoff
        self.attempts = 0
        while True:
            self.attempts += 1
            try:
                return await self.client.call(method, request, idempotency_key=self.key,
                                              **options)
            except GatewayError as error:
                if self.attempts >= self.max_attempts or not (
                        error.retry_safe or error.gateway_unreachable):
                    raise
            await asyncio.sleep(delay)
            delay *= 2


Handler = Callable[[ledger_pb2.TransactionStatusEvent], Union[Any, Awaitable[Any]]]


class AsyncNotificationSubscriber:
    """Follows ``WatchTransactionStatus`` across disconnects, resuming after
    the last acknowledged cursor (an event is acknowledged when its handler,
    a function or a coroutine function, returns).

    Delivery is at least once: an event whose handler had not returned
    before a disconnect comes again, so handlers must be idempotent."""

    def __init__(self, client: AsyncGatewayClient, account: str, *, txid: str = "",
                 after_cursor: int = 0, max_backoff: float = 5.0):
        self.client = client
        self.account = account
        self.txid = txid
        self.acknowledged_cursor = after_cursor
        self.reconnects = 0
        self.max_backoff = max_backoff
        self._stream = None
        self._stopped = False

    async def run(self, handler: Handler) -> None:
        """Runs until :meth:`stop`, the task's cancellation or a handler
        returning ``False``; raises :class:`GatewayError` for errors a
        reconnect cannot cure."""
        backoff = 0.1
        first = True
        while not self._stopped:
            if not first:
                self.reconnects += 1
            first = False
            request = ledger_pb2.WatchTransactionStatusRequest(
                account=self.account, txid=self.txid, after_cursor=self.acknowledged_cursor)
            self._stream = self.client.ledger.WatchTransactionStatus(
                request, metadata=call_metadata(self.client.token, new_id(), None),
                wait_for_ready=True)
            try:
                async for event in self._stream:
                    backoff = 0.1
                    handled = handler(event)
                    if inspect.isawaitable(handled):
                        handled = await handled
                    if handled is False:
                        self.stop()
                        return
                    self.acknowledged_cursor = event.cursor
                if self._stopped:
                    return
            except grpc.RpcError as error:
                if self._stopped or error.code() == grpc.StatusCode.CANCELLED:
                    return
                if error.code() not in RECONNECTABLE:
                    raise GatewayError.from_details(
                        error.code(), error.details(), error.trailing_metadata()) from None
            except asyncio.CancelledError:
                if self._stopped:
                    return
                raise
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, self.max_backoff)

    def stop(self) -> None:
        """Ends :meth:`run`."""
        self._stopped = True
        if self._stream is not None:
            self._stream.cancel()
