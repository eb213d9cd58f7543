// The PAYONE gateway's TypeScript client: the idiomatic layer (GatewayClient,
// GatewayError, IdempotentOperation, NotificationSubscriber) over the ts-proto
// messages and @grpc/grpc-js clients (PayoneGateway, PaymentLedger,
// PayoneClientApi) that scripts/generate.js writes into src/gen while the
// package is built.
export * from "./gen/payone/v1/index";
export { BadRequest, ErrorInfo } from "./gen/google/rpc/error_details";
export { Status as RpcStatus } from "./gen/google/rpc/status";
export { credentials, Metadata, status as GrpcCode, type ServiceError } from "@grpc/grpc-js";
export { type FieldViolation, GatewayError } from "./errors";
export {
  type CallSettings, type ClientOptions, DEFAULT_TIMEOUT_MS, GatewayClient, IdempotentOperation, type MethodName,
  newId, NotificationSubscriber, type UnaryMethods,
} from "./client";
