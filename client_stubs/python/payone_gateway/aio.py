"""The asyncio client: the same concepts as the synchronous one, awaited."""
from __future__ import annotations

import asyncio
import inspect
from typing import Any, Awaitable, Callable, Optional, Union

import grpc
import grpc.aio

from payone.v1 import client_api_pb2_grpc, gateway_pb2_grpc, ledger_pb2, ledger_pb2_grpc

from ._calls import (DEFAULT_TIMEOUT, OperationBase, SubscriberBase, Tls, channel_credentials,
                     gateway_error, prepare_call, resolve)
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
        self.client_api = client_api_pb2_grpc.PayoneClientApiStub(self.channel)
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
        rpc, options, request_id = prepare_call(self, method, timeout, request_id,
                                                idempotency_key, wait_for_ready)
        try:
            return await rpc(request, **options)
        except grpc.RpcError as error:
            raise gateway_error(error, request_id) from None

    def __getattr__(self, name: str) -> Callable[..., Awaitable[Any]]:
        resolve(name)
        return lambda request, **options: self.call(name, request, **options)


class AsyncIdempotentOperation(OperationBase):
    """:class:`payone_gateway.IdempotentOperation` for the asyncio client: one
    key for every attempt of one logical operation; retries by itself only
    what the gateway marks ``retry_safe`` and an unreachable gateway."""

    async def call(self, method: str, request, **options):
        self.attempts = 0
        while True:
            self.attempts += 1
            try:
                return await self.client.call(method, request, idempotency_key=self.key,
                                              **options)
            except GatewayError as error:
                if not self._may_retry(error):
                    raise
            await asyncio.sleep(self._delay())


Handler = Callable[[ledger_pb2.TransactionStatusEvent], Union[Any, Awaitable[Any]]]


class AsyncNotificationSubscriber(SubscriberBase):
    """Follows ``WatchTransactionStatus`` across disconnects, resuming after
    the last acknowledged cursor (an event is acknowledged when its handler,
    a function or a coroutine function, returns).

    Delivery is at least once: an event whose handler had not returned
    before a disconnect comes again, so handlers must be idempotent."""

    async def run(self, handler: Handler) -> None:
        """Runs until :meth:`stop`, the task's cancellation or a handler
        returning ``False``; raises :class:`GatewayError` for errors a
        reconnect cannot cure."""
        state = self._state
        while not state.stopped:
            try:
                async for event in state.open(self.client.ledger):
                    handled = handler(event)
                    if inspect.isawaitable(handled):
                        handled = await handled
                    if not state.handled(event, handled):
                        return
            except grpc.RpcError as error:
                if state.ends_with(error):
                    return
            except asyncio.CancelledError:
                if state.stopped:
                    return
                raise
            await asyncio.sleep(state.next_backoff())
