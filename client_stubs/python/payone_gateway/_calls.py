"""What the sync and asyncio clients share: method names, metadata, ids."""
from __future__ import annotations

import re
import secrets
from typing import Dict, List, Optional, Tuple, Union

import grpc

from payone.v1 import gateway_pb2, ledger_pb2

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
                (ledger_pb2.DESCRIPTOR.services_by_name["PaymentLedger"], "ledger"))
    return {_snake(method.name): (stub, method.name)
            for service, stub in services for method in service.methods
            if not method.server_streaming}


UNARY_METHODS = _unary_methods()
"""snake_case name -> (stub attribute, RPC name), e.g. "preauthorize" ->
("gateway", "Preauthorize"): every unary RPC of both services."""


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


def channel_credentials(tls: Tls, root_certificates: Optional[bytes]):
    """None for plaintext (loopback and tests only), else TLS credentials."""
    if isinstance(tls, grpc.ChannelCredentials):
        return tls
    if tls:
        return grpc.ssl_channel_credentials(root_certificates=root_certificates)
    return None
