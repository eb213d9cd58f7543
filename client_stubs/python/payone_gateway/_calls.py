"""What the sync and asyncio clients share: method names, metadata, ids."""
from __future__ import annotations

import re
import secrets
from typing import Dict, List, Optional, Tuple, Union

import grpc

from payone.v1 import client_api_pb2, gateway_pb2, ledger_pb2

from .errors import GatewayError

DEFAULT_TIMEOUT = 30.0
"""Seconds a unary call may take unless told otherwise: PAYONE answers within
seconds and the gateway's own upstream timeout is below it."""


def new_id() -> str:
    """32 random hex digits (128 bits): request ids and idempotency keys."""
    return secrets.token_hex(16)


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _unary_methods() -> Dict[str, Tuple[str, str]]:
    services = ((gateway_pb2.DESCRIPTOR.services_by_name["PayoneGateway"], "gateway"),
                (ledger_pb2.DESCRIPTOR.services_by_name["PaymentLedger"], "ledger"),
                (client_api_pb2.DESCRIPTOR.services_by_name["PayoneClientApi"], "client_api"))
    return {_snake(method.name): (stub, method.name)
            for service, stub in services for method in service.methods
            if not method.server_streaming}


UNARY_METHODS = _unary_methods()
"""snake_case name -> (stub attribute, RPC name), e.g. "preauthorize" ->
("gateway", "Preauthorize"): every unary RPC of the three services."""


def resolve(name: str) -> Tuple[str, str]:
    """(stub attribute, RPC name) of a snake_case or RPC name."""
    found = UNARY_METHODS.get(name) or UNARY_METHODS.get(_snake(name))
    if found is None:
        raise AttributeError(f"the gateway has no unary RPC {name!r}")
    return found


def call_metadata(token: Optional[str], request_id: str,
                  idempotency_key: Optional[str]) -> List[Tuple[str, str]]:
    metadata = [("x-request-id", request_id)]
    if token:
        metadata.append(("authorization", f"Bearer {token}"))
    if idempotency_key:
        metadata.append(("idempotency-key", idempotency_key))
    return metadata


Tls = Union[bool, grpc.ChannelCredentials]


def prepare_call(client, method: str, timeout: Optional[float], request_id: Optional[str],
                 idempotency_key: Optional[str], wait_for_ready: Optional[bool]):
    """For either client's call(): the stub method of `method` ("preauthorize"
    or "Preauthorize"), its keyword arguments and the request id it sends."""
    stub, rpc = resolve(method)
    request_id = request_id or new_id()
    options = dict(timeout=timeout or client.timeout,
                   metadata=call_metadata(client.token, request_id, idempotency_key),
                   wait_for_ready=wait_for_ready)
    return getattr(getattr(client, stub), rpc), options, request_id


def gateway_error(error: grpc.RpcError, request_id: str) -> GatewayError:
    return GatewayError.from_details(error.code(), error.details(), error.trailing_metadata(),
                                     request_id)


def channel_credentials(tls: Tls, root_certificates: Optional[bytes]):
    """None for plaintext (loopback and tests only), else TLS credentials."""
    if isinstance(tls, grpc.ChannelCredentials):
        return tls
    if tls:
        return grpc.ssl_channel_credentials(root_certificates=root_certificates)
    return None


def retry_allowed(error: GatewayError, attempts: int, max_attempts: int) -> bool:
    """Whether an idempotent operation sends its key again after `error`:
    only what the gateway marks retry_safe and a gateway that could not be
    reached (the same key makes that safe)."""
    return attempts < max_attempts and (error.retry_safe or error.gateway_unreachable)


class OperationBase:
    """What IdempotentOperation and AsyncIdempotentOperation share: one key
    for every attempt of one logical operation, and when to send it again."""

    def __init__(self, client, *, key: Optional[str] = None,
                 max_attempts: int = 3, backoff: float = 0.1):
        self.client = client
        self.key = key or new_id()
        self.max_attempts = max_attempts
        self.backoff = backoff
        self.attempts = 0

    def _may_retry(self, error: GatewayError) -> bool:
        return retry_allowed(error, self.attempts, self.max_attempts)

    def _delay(self) -> float:
        """The wait before the next attempt: backoff, doubled each time."""
        return self.backoff * 2 ** (self.attempts - 1)


RECONNECTABLE = frozenset({grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.UNKNOWN,
                           grpc.StatusCode.INTERNAL, grpc.StatusCode.ABORTED,
                           grpc.StatusCode.RESOURCE_EXHAUSTED})
"""Codes after which a broken watch reconnects instead of ending."""


class WatchState:
    """The resume point and bookkeeping both notification subscribers share."""

    def __init__(self, token: Optional[str], account: str, txid: str, after_cursor: int,
                 max_backoff: float):
        self.token = token
        self.account = account
        self.txid = txid
        self.acknowledged_cursor = after_cursor
        self.reconnects = -1
        self.max_backoff = max_backoff
        self.backoff = 0.1
        self.stream = None
        self.stopped = False

    def open(self, ledger_stub):
        """Opens the next stream after the last acknowledged cursor. It has
        no deadline (a watch runs until stopped) and waits for the gateway to
        come back."""
        self.reconnects += 1
        self.stream = ledger_stub.WatchTransactionStatus(
            ledger_pb2.WatchTransactionStatusRequest(
                account=self.account, txid=self.txid, after_cursor=self.acknowledged_cursor),
            metadata=call_metadata(self.token, new_id(), None), wait_for_ready=True)
        return self.stream

    def acknowledge(self, event) -> None:
        self.acknowledged_cursor = event.cursor
        self.backoff = 0.1

    def handled(self, event, result) -> bool:
        """After the handler returned `result` for `event`: False stops the
        watch with the event unacknowledged; anything else acknowledges it.
        Whether to go on."""
        if result is False:
            self.stop()
            return False
        self.acknowledge(event)
        return True

    def ends_with(self, error: grpc.RpcError) -> bool:
        """True when the watch ends quietly (stopped, cancelled); raises
        GatewayError for what a reconnect cannot cure; False to reconnect."""
        if self.stopped or error.code() == grpc.StatusCode.CANCELLED:
            return True
        if error.code() not in RECONNECTABLE:
            raise GatewayError.from_details(error.code(), error.details(),
                                            error.trailing_metadata()) from None
        return False

    def next_backoff(self) -> float:
        delay = self.backoff
        self.backoff = min(self.backoff * 2, self.max_backoff)
        return delay

    def stop(self) -> None:
        self.stopped = True
        if self.stream is not None:
            self.stream.cancel()


class SubscriberBase:
    """The constructor and accessors of both notification subscribers."""

    def __init__(self, client, account: str, *, txid: str = "", after_cursor: int = 0,
                 max_backoff: float = 5.0):
        self.client = client
        self._state = WatchState(client.token, account, txid, after_cursor, max_backoff)

    @property
    def acknowledged_cursor(self) -> int:
        """The cursor of the last event whose handler returned."""
        return self._state.acknowledged_cursor

    @property
    def reconnects(self) -> int:
        """Streams opened after the first."""
        return max(self._state.reconnects, 0)

    def stop(self) -> None:
        """Ends ``run`` (from any thread)."""
        self._state.stop()
