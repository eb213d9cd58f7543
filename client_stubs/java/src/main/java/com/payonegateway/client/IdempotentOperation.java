package com.payonegateway.client;

import io.grpc.MethodDescriptor;

/**
 * One logical payment operation (one preauthorization, one capture, ...).
 * Every attempt sends the same {@code idempotency-key}, so the gateway sends
 * it to PAYONE at most once. {@link #call} retries by itself, with backoff,
 * only errors the gateway marks {@code retrySafe} (nothing was sent) and a
 * gateway that could not be reached; anything else is thrown. Calling again
 * after an outcome-unknown error is safe: the gateway refuses (ABORTED,
 * IDEMPOTENCY_KEY_IN_FLIGHT) instead of charging twice, and after success it
 * replays the first answer. Use a new object for a new operation.
 */
public final class IdempotentOperation {
  private final GatewayClient client;
  private final String key;
  private final int maxAttempts;
  private int attempts;

  public IdempotentOperation(GatewayClient client) {
    this(client, GatewayClient.newId(), 3);
  }

  public IdempotentOperation(GatewayClient client, String key, int maxAttempts) {
    this.client = client;
    this.key = key;
    this.maxAttempts = maxAttempts;
  }

  /** The idempotency-key every attempt sends. */
  public String key() {
    return key;
  }

  /** Attempts made by the last call. */
  public int attempts() {
    return attempts;
  }

  public <Req, Resp> Resp call(MethodDescriptor<Req, Resp> method, Req request) {
    return call(method, request, CallSettings.DEFAULT);
  }

  public <Req, Resp> Resp call(MethodDescriptor<Req, Resp> method, Req request, CallSettings settings) {
    long backoffMillis = 100;
    for (attempts = 1; ; attempts++) {
      try {
        return client.call(method, request, settings.withIdempotencyKey(key));
      } catch (GatewayException e) {
        if (attempts >= maxAttempts || !(e.retrySafe() || e.gatewayUnreachable())) throw e;
      }
      try {
        Thread.sleep(backoffMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted between attempts", e);
      }
      backoffMillis *= 2;
    }
  }
}
