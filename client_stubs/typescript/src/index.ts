// The PAYONE gateway's TypeScript client: ts-proto messages and the
// @grpc/grpc-js PayoneGatewayClient, PaymentLedgerClient and
// PayoneClientApiClient (generated into src/gen by
// client_stubs/generate.sh), plus helpers for promises and error details.
import { type CallOptions, type ClientUnaryCall, Metadata, type ServiceError } from "@grpc/grpc-js";
import { BadRequest, ErrorInfo } from "./gen/google/rpc/error_details";
import { Status as RpcStatus } from "./gen/google/rpc/status";

export * from "./gen/payone/v1/gateway";
export * from "./gen/payone/v1/common";
export * from "./gen/payone/v1/payment_methods";
export * from "./gen/payone/v1/payment_requests";
export * from "./gen/payone/v1/check_requests";
export * from "./gen/payone/v1/management_requests";
export * from "./gen/payone/v1/responses";
export * from "./gen/payone/v1/notification";
export * from "./gen/payone/v1/ledger";
export * from "./gen/payone/v1/client_api";
export { BadRequest, ErrorInfo, RpcStatus };
export { credentials, Metadata, status as GrpcCode, type ServiceError } from "@grpc/grpc-js";

type UnaryMethod<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: Partial<CallOptions>,
  callback: (error: ServiceError | null, response: Res) => void,
) => ClientUnaryCall;

/**
 * Calls a unary method and returns a promise:
 * `await unary(client.preauthorize.bind(client), request, { deadline })`.
 */
export function unary<Req, Res>(
  method: UnaryMethod<Req, Res>,
  request: Req,
  options: Partial<CallOptions> = {},
  metadata: Metadata = new Metadata(),
): Promise<Res> {
  return new Promise((resolve, reject) => {
    method(request, metadata, options, (error, response) => (error ? reject(error) : resolve(response)));
  });
}

/** The google.rpc error details of a failed call (grpc-status-details-bin). */
export function errorDetails(error: ServiceError): { badRequest?: BadRequest; errorInfo?: ErrorInfo } {
  const result: { badRequest?: BadRequest; errorInfo?: ErrorInfo } = {};
  const [bin] = error.metadata?.get("grpc-status-details-bin") ?? [];
  if (!bin) return result;
  for (const any of RpcStatus.decode(Buffer.isBuffer(bin) ? bin : Buffer.from(bin)).details) {
    if (any.typeUrl.endsWith("/google.rpc.BadRequest")) result.badRequest = BadRequest.decode(any.value);
    if (any.typeUrl.endsWith("/google.rpc.ErrorInfo")) result.errorInfo = ErrorInfo.decode(any.value);
  }
  return result;
}
