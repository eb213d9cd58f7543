// Failed calls as one typed error, read from the gateway's error details.
import { Metadata, type ServiceError, status as GrpcCode } from "@grpc/grpc-js";
import { BadRequest, ErrorInfo } from "./gen/google/rpc/error_details";
import { Status as RpcStatus } from "./gen/google/rpc/status";

/** One broken rule of a request: the field path and what is wrong (never the value). */
export interface FieldViolation {
  field: string;
  description: string;
}

/** A failed gateway call. */
export class GatewayError extends Error {
  /** The gRPC status code. */
  readonly code: GrpcCode;
  /** Every field violation of an INVALID_ARGUMENT (google.rpc.BadRequest). */
  readonly violations: FieldViolation[];
  /**
   * google.rpc.ErrorInfo's reason (PAYONE_NOT_SENT, PAYONE_OUTCOME_UNKNOWN,
   * IDEMPOTENCY_KEY_IN_FLIGHT, ...) and domain; "" when the gateway gave none.
   */
  readonly reason: string;
  readonly domain: string;
  /** True only when the gateway says the same request may be sent again (nothing reached PAYONE). */
  readonly retrySafe: boolean;
  /** The call's x-request-id, to find it in the gateway's log. */
  readonly requestId: string;

  constructor(code: GrpcCode, message: string, details: {
    violations?: FieldViolation[]; reason?: string; domain?: string; retrySafe?: boolean; requestId?: string;
  } = {}) {
    super(`${GrpcCode[code]}: ${message}`);
    this.name = "GatewayError";
    this.code = code;
    this.violations = details.violations ?? [];
    this.reason = details.reason ?? "";
    this.domain = details.domain ?? "";
    this.retrySafe = details.retrySafe ?? false;
    this.requestId = details.requestId ?? "";
  }

  /** UNAVAILABLE without the gateway's details: the call did not reach the gateway. */
  get gatewayUnreachable(): boolean {
    return this.code === GrpcCode.UNAVAILABLE && this.domain === "";
  }

  /** Reads a failed call's code, message and google.rpc details. */
  static from(error: ServiceError, requestId = ""): GatewayError {
    const violations: FieldViolation[] = [];
    let info: ErrorInfo | undefined;
    const [bin] = (error.metadata ?? new Metadata()).get("grpc-status-details-bin");
    if (bin) {
      for (const any of RpcStatus.decode(Buffer.isBuffer(bin) ? bin : Buffer.from(bin)).details) {
        if (any.typeUrl.endsWith("/google.rpc.BadRequest")) {
          for (const v of BadRequest.decode(any.value).fieldViolations) {
            violations.push({ field: v.field, description: v.description });
          }
        } else if (any.typeUrl.endsWith("/google.rpc.ErrorInfo")) {
          info = ErrorInfo.decode(any.value);
        }
      }
    }
    return new GatewayError(error.code, error.details ?? error.message, {
      violations, reason: info?.reason, domain: info?.domain,
      retrySafe: info?.metadata["retry_safe"] === "true", requestId,
    });
  }
}
