"""Failed calls as one typed exception, read from the gateway's error details."""
from __future__ import annotations

import dataclasses
from typing import List, Optional

import grpc
from google.rpc import error_details_pb2, status_pb2

_STATUS_DETAILS_KEY = "grpc-status-details-bin"


@dataclasses.dataclass(frozen=True)
class FieldViolation:
    """One broken rule of a request: the field path and what is wrong (never
    the value)."""

    field: str
    description: str


class GatewayError(Exception):
    """A failed gateway call.

    Attributes:
        code: the gRPC status code (``grpc.StatusCode``).
        message: the gateway's message (never card or bank data).
        violations: every field violation of an ``INVALID_ARGUMENT``
            (``google.rpc.BadRequest``).
        reason: ``google.rpc.ErrorInfo.reason``: ``PAYONE_NOT_SENT``,
            ``PAYONE_OUTCOME_UNKNOWN``, ``IDEMPOTENCY_KEY_IN_FLIGHT``,
            ``LEDGER_CHECK_FAILED``, ... ("" when the gateway gave none).
        domain: ``google.rpc.ErrorInfo.domain``.
        retry_safe: True only when the gateway says the same request may be
            sent again (nothing reached PAYONE).
        request_id: the call's ``x-request-id``, to find it in the gateway's
            log.
    """

    def __init__(self, code: grpc.StatusCode, message: str, *,
                 violations: Optional[List[FieldViolation]] = None, reason: str = "",
                 domain: str = "", retry_safe: bool = False, request_id: str = ""):
        super().__init__(f"{code.name}: {message}")
        self.code = code
        self.message = message
        self.violations = violations or []
        self.reason = reason
        self.domain = domain
        self.retry_safe = retry_safe
        self.request_id = request_id

    @property
    def gateway_unreachable(self) -> bool:
        """UNAVAILABLE without the gateway's details: the call did not reach
        the gateway (or its answer did not come back)."""
        return self.code == grpc.StatusCode.UNAVAILABLE and not self.domain

    @classmethod
    def from_details(cls, code: grpc.StatusCode, message: str, trailing_metadata,
                     request_id: str = "") -> "GatewayError":
        """Builds the error from a call's code, message and trailing metadata."""
        violations: List[FieldViolation] = []
        reason = domain = ""
        retry_safe = False
        for key, value in trailing_metadata or ():
            if key != _STATUS_DETAILS_KEY:
                continue
            status = status_pb2.Status.FromString(value)
            for detail in status.details:
                bad_request = error_details_pb2.BadRequest()
                info = error_details_pb2.ErrorInfo()
                if detail.Unpack(bad_request):
                    violations += [FieldViolation(v.field, v.description)
                                   for v in bad_request.field_violations]
                elif detail.Unpack(info):
                    reason, domain = info.reason, info.domain
                    retry_safe = info.metadata.get("retry_safe") == "true"
        return cls(code, message or "", violations=violations, reason=reason,
                   domain=domain, retry_safe=retry_safe, request_id=request_id)
