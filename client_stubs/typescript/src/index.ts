// The PAYONE gateway's TypeScript client: the idiomatic layer (GatewayClient,
// GatewayError, IdempotentOperation, NotificationSubscriber) over the ts-proto
// messages and @grpc/grpc-js clients (PayoneGateway, PaymentLedger,
// PayoneClientApi) generated into src/gen.
export * from "./gen/payone/v1/gateway";
export * from "./gen/payone/v1/ledger";
export * from "./gen/payone/v1/common";
export * from "./gen/payone/v1/payment_methods";
export * from "./gen/payone/v1/payment_requests";
export * from "./gen/payone/v1/check_requests";
export * from "./gen/payone/v1/management_requests";
export * from "./gen/payone/v1/responses";
export * from "./gen/payone/v1/notification";
export * from "./gen/payone/v1/client_api";
export { BadRequest, ErrorInfo } from "./gen/google/rpc/error_details";
export { Status as RpcStatus } from "./gen/google/rpc/status";
export { credentials, Metadata, status as GrpcCode, type ServiceError } from "@grpc/grpc-js";
export { type FieldViolation, GatewayError } from "./errors";
export {
  type CallSettings, type ClientOptions, DEFAULT_TIMEOUT_MS, GatewayClient, IdempotentOperation, type MethodName,
  newId, NotificationSubscriber, type UnaryMethods,
} from "./client";
