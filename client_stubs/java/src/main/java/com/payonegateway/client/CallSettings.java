package com.payonegateway.client;

import java.time.Duration;

/**
 * Per-call settings: the deadline ({@code null}: the client's default), the
 * {@code x-request-id} ({@code null}: a fresh one), the
 * {@code idempotency-key} ({@code null}: none; {@link IdempotentOperation} sets
 * it) and whether to wait for the gateway to be reachable instead of failing
 * at once with UNAVAILABLE.
 */
public record CallSettings(
    Duration timeout, String requestId, String idempotencyKey, boolean waitForReady) {
  /** The client's defaults. */
  public static final CallSettings DEFAULT = new CallSettings(null, null, null, false);

  public CallSettings withTimeout(Duration timeout) {
    return new CallSettings(timeout, requestId, idempotencyKey, waitForReady);
  }

  public CallSettings withRequestId(String requestId) {
    return new CallSettings(timeout, requestId, idempotencyKey, waitForReady);
  }

  public CallSettings withIdempotencyKey(String idempotencyKey) {
    return new CallSettings(timeout, requestId, idempotencyKey, waitForReady);
  }

  public CallSettings withWaitForReady(boolean waitForReady) {
    return new CallSettings(timeout, requestId, idempotencyKey, waitForReady);
  }
}
