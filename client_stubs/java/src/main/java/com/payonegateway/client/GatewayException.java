package com.payonegateway.client;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.List;

/** A failed gateway call, read from its google.rpc details. */
public final class GatewayException extends RuntimeException {
  /** One broken rule of a request: the field path and what is wrong (never the value). */
  public record FieldViolation(String field, String description) {}

  private final Status.Code code;
  private final List<FieldViolation> violations;
  private final String reason;
  private final String domain;
  private final boolean retrySafe;
  private final String requestId;

  private GatewayException(StatusRuntimeException cause, List<FieldViolation> violations,
      ErrorInfo info, String requestId) {
    super(cause.getStatus().getCode() + ": " + cause.getStatus().getDescription(), cause);
    this.code = cause.getStatus().getCode();
    this.violations = List.copyOf(violations);
    this.reason = info.getReason();
    this.domain = info.getDomain();
    this.retrySafe = "true".equals(info.getMetadataOrDefault("retry_safe", "false"));
    this.requestId = requestId;
  }

  /** Reads code, message and google.rpc details of a failed call. */
  public static GatewayException from(StatusRuntimeException error, String requestId) {
    List<FieldViolation> violations = new ArrayList<>();
    ErrorInfo info = ErrorInfo.getDefaultInstance();
    com.google.rpc.Status status = StatusProto.fromThrowable(error);
    for (Any detail : status == null ? List.<Any>of() : status.getDetailsList()) {
      try {
        if (detail.is(BadRequest.class)) {
          for (BadRequest.FieldViolation v : detail.unpack(BadRequest.class).getFieldViolationsList()) {
            violations.add(new FieldViolation(v.getField(), v.getDescription()));
          }
        } else if (detail.is(ErrorInfo.class)) {
          info = detail.unpack(ErrorInfo.class);
        }
      } catch (InvalidProtocolBufferException ignored) {
        // A detail that does not parse says nothing.
      }
    }
    return new GatewayException(error, violations, info, requestId == null ? "" : requestId);
  }

  /** The gRPC status code. */
  public Status.Code code() {
    return code;
  }

  /** Every field violation of an INVALID_ARGUMENT (google.rpc.BadRequest). */
  public List<FieldViolation> violations() {
    return violations;
  }

  /**
   * google.rpc.ErrorInfo's reason: PAYONE_NOT_SENT, PAYONE_OUTCOME_UNKNOWN,
   * IDEMPOTENCY_KEY_IN_FLIGHT, LEDGER_CHECK_FAILED, ... ("" when none).
   */
  public String reason() {
    return reason;
  }

  public String domain() {
    return domain;
  }

  /** True only when the gateway says the same request may be sent again (nothing reached PAYONE). */
  public boolean retrySafe() {
    return retrySafe;
  }

  /** UNAVAILABLE without the gateway's details: the call did not reach the gateway. */
  public boolean gatewayUnreachable() {
    return code == Status.Code.UNAVAILABLE && domain.isEmpty();
  }

  /** The call's x-request-id, to find it in the gateway's log. */
  public String requestId() {
    return requestId;
  }
}
