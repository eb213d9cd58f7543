"""An idiomatic Python client of the PAYONE gateway (payone.v1), sync and
asyncio, over the generated stubs in ``payone.v1`` (still importable for
everything this layer does not wrap)::

    from payone_gateway import GatewayClient, GatewayError, IdempotentOperation

    with GatewayClient("gateway:50051", token=token, tls=True) as client:
        try:
            answer = IdempotentOperation(client).call("preauthorize", request)
        except GatewayError as error:
            error.violations, error.reason, error.retry_safe
"""
from ._calls import DEFAULT_TIMEOUT, new_id
from .aio import AsyncGatewayClient, AsyncIdempotentOperation, AsyncNotificationSubscriber
from .client import GatewayClient, IdempotentOperation, NotificationSubscriber
from .errors import FieldViolation, GatewayError

__all__ = [
    "AsyncGatewayClient", "AsyncIdempotentOperation", "AsyncNotificationSubscriber",
    "DEFAULT_TIMEOUT", "FieldViolation", "GatewayClient", "GatewayError",
    "IdempotentOperation", "NotificationSubscriber", "new_id",
]
