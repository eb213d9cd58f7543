// The idiomatic layer over the generated @grpc/grpc-js clients: promises,
// typed errors, default deadlines, token, request ids, idempotency keys and a
// notification subscriber that survives disconnects.
import { randomBytes } from "node:crypto";
import {
  type CallOptions, type ChannelCredentials, type ClientReadableStream, credentials, Metadata,
  type ServiceError, status as GrpcCode,
} from "@grpc/grpc-js";
import { PayoneGatewayClient, PayoneGatewayService } from "./gen/payone/v1/gateway";
import {
  PaymentLedgerClient, PaymentLedgerService, type TransactionStatusEvent, WatchTransactionStatusRequest,
} from "./gen/payone/v1/ledger";
import { PayoneClientApiClient, PayoneClientApiService } from "./gen/payone/v1/client_api";
import { GatewayError } from "./errors";

/** Milliseconds a unary call may take unless told otherwise: PAYONE answers within seconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** 32 random hex digits (128 bits): request ids and idempotency keys. */
export const newId = (): string => randomBytes(16).toString("hex");

export interface ClientOptions {
  /** Sent as "authorization: Bearer <token>". */
  token?: string;
  /**
   * false (default): plaintext, for loopback and tests only; true: TLS with
   * the system's roots (or rootCertificates); or ready ChannelCredentials.
   */
  tls?: boolean | ChannelCredentials;
  rootCertificates?: Buffer;
  /** Default deadline of a unary call (DEFAULT_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** Per-call settings. */
export interface CallSettings {
  timeoutMs?: number;
  /** Sent as x-request-id (the gateway logs and echoes it); default a fresh one. */
  requestId?: string;
  /** Sent as idempotency-key; IdempotentOperation sets it. */
  idempotencyKey?: string;
  /** Wait for the gateway to be reachable (within the deadline) instead of failing at once. */
  waitForReady?: boolean;
}

type Definition = {
  path: string; requestStream: boolean; responseStream: boolean;
  requestSerialize: (value: any) => Buffer; responseDeserialize: (value: Buffer) => any;
};
type Unary<S> = {
  [K in keyof S as S[K] extends { responseStream: false } ? K : never]: S[K] extends {
    requestSerialize: (value: infer Req) => Buffer; responseDeserialize: (value: Buffer) => infer Res;
  } ? (request: Req, settings?: CallSettings) => Promise<Res> : never;
};
/** Every unary RPC of the three services as a promise-returning method. */
export type UnaryMethods = Unary<typeof PayoneGatewayService> & Unary<typeof PaymentLedgerService> &
  Unary<typeof PayoneClientApiService>;
export type MethodName = keyof UnaryMethods;

const definitions: Record<string, Definition> = {
  ...PayoneGatewayService, ...PaymentLedgerService, ...PayoneClientApiService,
};

export interface GatewayClient extends UnaryMethods {}

/**
 * A client of the PAYONE gateway: one channel, its three services. Every
 * unary RPC is a method returning a promise (`await client.preauthorize(request)`,
 * `await client.prepareCreditCardCheck(request)`) that rejects with a
 * GatewayError. The generated clients stay available as `client.gateway`,
 * `client.ledger` and `client.clientApi`.
 */
export class GatewayClient {
  readonly gateway: PayoneGatewayClient;
  readonly ledger: PaymentLedgerClient;
  readonly clientApi: PayoneClientApiClient;
  readonly token?: string;
  readonly timeoutMs: number;

  constructor(address: string, options: ClientOptions = {}) {
    const channelCredentials = options.tls === true
      ? credentials.createSsl(options.rootCertificates ?? null)
      : options.tls || credentials.createInsecure();
    this.gateway = new PayoneGatewayClient(address, channelCredentials);
    this.ledger = new PaymentLedgerClient(address, channelCredentials, { channelOverride: this.gateway.getChannel() });
    this.clientApi = new PayoneClientApiClient(address, channelCredentials,
      { channelOverride: this.gateway.getChannel() });
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    for (const [name, definition] of Object.entries(definitions)) {
      if (!definition.responseStream) {
        (this as any)[name] = (request: unknown, settings?: CallSettings) => this.call(name as MethodName, request as never, settings);
      }
    }
  }

  /** Metadata of a call: token, x-request-id, idempotency-key. */
  metadata(requestId: string, idempotencyKey?: string): Metadata {
    const metadata = new Metadata();
    metadata.set("x-request-id", requestId);
    if (this.token) metadata.set("authorization", `Bearer ${this.token}`);
    if (idempotencyKey) metadata.set("idempotency-key", idempotencyKey);
    return metadata;
  }

  /** Calls a unary RPC by name. */
  call<K extends MethodName>(method: K, request: Parameters<UnaryMethods[K]>[0],
    settings?: CallSettings): ReturnType<UnaryMethods[K]>;
  call(method: MethodName, request: unknown, settings: CallSettings = {}): Promise<unknown> {
    const definition = definitions[method];
    const requestId = settings.requestId || newId();
    const options: Partial<CallOptions> = {
      deadline: new Date(Date.now() + (settings.timeoutMs ?? this.timeoutMs)),
    };
    if (settings.waitForReady) (options as any).waitForReady = true;
    return new Promise((resolve, reject) => {
      this.gateway.makeUnaryRequest(definition.path, definition.requestSerialize, definition.responseDeserialize,
        request, this.metadata(requestId, settings.idempotencyKey), options,
        (error: ServiceError | null, response?: unknown) =>
          error ? reject(GatewayError.from(error, requestId)) : resolve(response));
    });
  }

  close(): void {
    this.gateway.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One logical payment operation (one preauthorization, one capture, ...).
 * Every attempt sends the same idempotency-key, so the gateway sends it to
 * PAYONE at most once. `call` retries by itself, with backoff, only errors the
 * gateway marks retrySafe (nothing was sent) and a gateway that could not be
 * reached; anything else rejects. Calling again after an outcome-unknown
 * error is safe: the gateway refuses (ABORTED, IDEMPOTENCY_KEY_IN_FLIGHT)
 * instead of charging twice, and after success it replays the first answer.
 * Use a new object for a new operation.
 */
export class IdempotentOperation {
  attempts = 0;

  constructor(readonly client: GatewayClient, readonly key: string = newId(),
    readonly maxAttempts = 3, readonly backoffMs = 100) {}

  async call<K extends MethodName>(method: K, request: Parameters<UnaryMethods[K]>[0],
    settings: CallSettings = {}): Promise<Awaited<ReturnType<UnaryMethods[K]>>> {
    let delay = this.backoffMs;
    for (this.attempts = 1; ; this.attempts++) {
      try {
        return await this.client.call(method, request, { ...settings, idempotencyKey: this.key });
      } catch (error) {
        if (!(error instanceof GatewayError) || this.attempts >= this.maxAttempts ||
          !(error.retrySafe || error.gatewayUnreachable)) {
          throw error;
        }
      }
      await sleep(delay);
      delay *= 2;
    }
  }
}

const RECONNECTABLE = new Set([GrpcCode.UNAVAILABLE, GrpcCode.UNKNOWN, GrpcCode.INTERNAL,
  GrpcCode.ABORTED, GrpcCode.RESOURCE_EXHAUSTED]);

/**
 * Follows WatchTransactionStatus across disconnects: after a broken stream
 * (gateway restart, network) it reconnects with backoff and resumes after the
 * cursor of the last event its handler acknowledged (an event is
 * acknowledged when the handler's promise resolves).
 *
 * Delivery is at least once: an event whose handler had not finished before
 * a disconnect comes again, so handlers must be idempotent (key on the
 * event's cursor, or on txid, sequencenumber and txaction).
 */
export class NotificationSubscriber {
  acknowledgedCursor: number;
  /** Streams opened after the first. */
  reconnects = -1;
  private stream?: ClientReadableStream<TransactionStatusEvent>;
  private stopped = false;

  constructor(readonly client: GatewayClient, private readonly request: Partial<WatchTransactionStatusRequest>,
    readonly maxBackoffMs = 5000) {
    this.acknowledgedCursor = request.afterCursor ?? 0;
  }

  /**
   * Resolves after stop() or when the handler returns false (that event stays
   * unacknowledged); rejects with a GatewayError a reconnect cannot cure
   * (NOT_FOUND, PERMISSION_DENIED, ...) or with the handler's error.
   */
  async run(handler: (event: TransactionStatusEvent) => unknown): Promise<void> {
    let backoff = 100;
    while (!this.stopped) {
      this.reconnects++;
      const request = WatchTransactionStatusRequest.fromPartial({ ...this.request, afterCursor: this.acknowledgedCursor });
      // No deadline (a watch runs until stopped); wait for the gateway to come back.
      const stream = this.client.ledger.watchTransactionStatus(request, this.client.metadata(newId()),
        { waitForReady: true } as Partial<CallOptions>);
      this.stream = stream;
      try {
        for await (const event of stream as AsyncIterable<TransactionStatusEvent>) {
          backoff = 100;
          if ((await handler(event)) === false) {
            this.stop();
            return;
          }
          this.acknowledgedCursor = event.cursor;
        }
      } catch (error) {
        const serviceError = error as ServiceError;
        if (this.stopped || serviceError.code === GrpcCode.CANCELLED) return;
        if (typeof serviceError.code !== "number") throw error;
        if (!RECONNECTABLE.has(serviceError.code)) throw GatewayError.from(serviceError);
      }
      if (this.stopped) return;
      await sleep(backoff);
      backoff = Math.min(backoff * 2, this.maxBackoffMs);
    }
  }

  /** Ends run(). */
  stop(): void {
    this.stopped = true;
    this.stream?.cancel();
  }
}
