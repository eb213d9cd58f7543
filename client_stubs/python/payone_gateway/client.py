"""The synchronous client."""
from __future__ import annotations

import time
from typing import Any, Callable, Optional

import grpc

from payone.v1 import client_api_pb2_grpc, gateway_pb2_grpc, ledger_pb2, ledger_pb2_grpc

from ._calls import (DEFAULT_TIMEOUT, OperationBase, SubscriberBase, Tls, channel_credentials,
                     gateway_error, prepare_call, resolve)
from .errors import GatewayError


class GatewayClient:
    """A client of the PAYONE gateway: one channel, its three services.

    Every unary RPC is a method in snake_case (``preauthorize``,
    ``capture``, ``manage_mandate``, ``get_payment``,
    ``prepare_credit_card_check``, ...) taking the request
    message and keyword options ``timeout`` (seconds, default
    ``DEFAULT_TIMEOUT``), ``request_id`` (sent as ``x-request-id``; default a
    fresh one), ``idempotency_key`` and ``wait_for_ready``. A failed call
    raises :class:`GatewayError`. The generated stubs stay available as
    ``client.gateway``, ``client.ledger`` and ``client.client_api``.

    ``tls``: False for plaintext (loopback and tests only), True for TLS with
    the system's roots (or ``root_certificates``), or ``grpc.ChannelCredentials``.
    The token goes out as ``authorization: Bearer <token>``.
    """

    def __init__(self, address: str, *, token: Optional[str] = None, tls: Tls = False,
                 root_certificates: Optional[bytes] = None,
                 timeout: float = DEFAULT_TIMEOUT, options=None):
        credentials = channel_credentials(tls, root_certificates)
        self.channel = (grpc.secure_channel(address, credentials, options=options)
                        if credentials else grpc.insecure_channel(address, options=options))
        self.gateway = gateway_pb2_grpc.PayoneGatewayStub(self.channel)
        self.ledger = ledger_pb2_grpc.PaymentLedgerStub(self.channel)
        self.client_api = client_api_pb2_grpc.PayoneClientApiStub(self.channel)
        self.token = token
        self.timeout = timeout

    def __enter__(self) -> "GatewayClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.channel.close()

    def call(self, method: str, request, *, timeout: Optional[float] = None,
             request_id: Optional[str] = None, idempotency_key: Optional[str] = None,
             wait_for_ready: Optional[bool] = None):
        """Calls a unary RPC by name ("preauthorize" or "Preauthorize")."""
        rpc, options, request_id = prepare_call(self, method, timeout, request_id,
                                                idempotency_key, wait_for_ready)
        try:
            return rpc(request, **options)
        except grpc.RpcError as error:
            raise gateway_error(error, request_id) from None

    def __getattr__(self, name: str) -> Callable[..., Any]:
        resolve(name)  # AttributeError for anything else
        return lambda request, **options: self.call(name, request, **options)


class IdempotentOperation(OperationBase):
    """One logical payment operation (one preauthorization, one capture, ...).

    Every attempt sends the same ``idempotency-key``, so the gateway sends the
    request to PAYONE at most once. :meth:`call` retries by itself, with
    backoff, only errors the gateway marks ``retry_safe`` (nothing was sent)
    and a gateway that could not be reached; anything else is raised. Calling
    again after an outcome-unknown error is safe: the gateway refuses it
    (``ABORTED``, ``IDEMPOTENCY_KEY_IN_FLIGHT``) instead of charging twice,
    and after success it replays the first answer. Use a new object for a new
    operation.
    """

    def call(self, method: str, request, **options):
        self.attempts = 0
        while True:
            self.attempts += 1
            try:
                return self.client.call(method, request, idempotency_key=self.key, **options)
            except GatewayError as error:
                if not self._may_retry(error):
                    raise
            time.sleep(self._delay())


class NotificationSubscriber(SubscriberBase):
    """Follows ``WatchTransactionStatus`` across disconnects.

    :meth:`run` calls ``handler(event)`` for each
    ``payone.v1.TransactionStatusEvent``; when the handler returns, the
    event's cursor is acknowledged. After a broken stream (gateway restart,
    network) it reconnects with backoff and resumes after the last
    acknowledged cursor.

    Delivery is at least once: an event whose handler had not returned
    before a disconnect comes again, so handlers must be idempotent (key on
    ``event.cursor``, or on txid, sequencenumber and txaction).
    """

    def run(self, handler: Callable[[ledger_pb2.TransactionStatusEvent], Any]) -> None:
        """Blocks until :meth:`stop` (from another thread), or until a handler
        returns ``False`` (that event stays unacknowledged); raises
        :class:`GatewayError` for errors a reconnect cannot cure (NOT_FOUND,
        PERMISSION_DENIED, ...)."""
        state = self._state
        while not state.stopped:
            try:
                for event in state.open(self.client.ledger):
                    if not state.handled(event, handler(event)):
                        return
            except grpc.RpcError as error:
                if state.ends_with(error):
                    return
            time.sleep(state.next_backoff())
