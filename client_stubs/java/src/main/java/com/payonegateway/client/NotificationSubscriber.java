package com.payonegateway.client;

import com.payonegateway.payone.v1.PaymentLedgerGrpc;
import com.payonegateway.payone.v1.TransactionStatusEvent;
import com.payonegateway.payone.v1.WatchTransactionStatusRequest;
import io.grpc.CallOptions;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Follows WatchTransactionStatus across disconnects: after a broken stream
 * (gateway restart, network) it reconnects with backoff and resumes after the
 * cursor of the last event its handler acknowledged (an event is acknowledged
 * when the handler returns true).
 *
 * <p>Delivery is at least once: an event whose handler had not returned
 * before a disconnect comes again, so handlers must be idempotent (key on the
 * event's cursor, or on txid, sequencenumber and txaction).
 */
public final class NotificationSubscriber {
  /** Handles one event; true acknowledges it, false stops the subscriber (unacknowledged). */
  @FunctionalInterface
  public interface Handler {
    boolean handle(TransactionStatusEvent event) throws Exception;
  }

  private static final Set<Status.Code> RECONNECTABLE = Set.of(Status.Code.UNAVAILABLE,
      Status.Code.UNKNOWN, Status.Code.INTERNAL, Status.Code.ABORTED, Status.Code.RESOURCE_EXHAUSTED);

  private final GatewayClient client;
  private final WatchTransactionStatusRequest request;
  private final AtomicLong acknowledgedCursor;
  private final AtomicInteger reconnects = new AtomicInteger(-1);
  private final Context.CancellableContext context = Context.current().withCancellation();

  public NotificationSubscriber(GatewayClient client, WatchTransactionStatusRequest request) {
    this.client = client;
    this.request = request;
    this.acknowledgedCursor = new AtomicLong(request.getAfterCursor());
  }

  /** The cursor of the last acknowledged event: the resume point. */
  public long acknowledgedCursor() {
    return acknowledgedCursor.get();
  }

  /** Streams opened after the first. */
  public int reconnects() {
    return Math.max(reconnects.get(), 0);
  }

  /**
   * Blocks until {@link #stop()} or a handler returning false; throws
   * {@link GatewayException} for errors a reconnect cannot cure (NOT_FOUND,
   * PERMISSION_DENIED, ...) and what the handler throws.
   */
  public void run(Handler handler) throws Exception {
    context.call(() -> {
      watch(handler);
      return null;
    });
  }

  private void watch(Handler handler) throws Exception {
    long backoffMillis = 100;
    while (!context.isCancelled()) {
      reconnects.incrementAndGet();
      WatchTransactionStatusRequest resume =
          request.toBuilder().setAfterCursor(acknowledgedCursor.get()).build();
      try {
        // No deadline (a watch runs until stopped); wait for the gateway to come back.
        Iterator<TransactionStatusEvent> events = ClientCalls.blockingServerStreamingCall(
            client.channel(), PaymentLedgerGrpc.getWatchTransactionStatusMethod(),
            CallOptions.DEFAULT.withWaitForReady(), resume);
        while (events.hasNext()) {
          TransactionStatusEvent event = events.next();
          backoffMillis = 100;
          if (!handler.handle(event)) {
            stop();
            return;
          }
          acknowledgedCursor.set(event.getCursor());
        }
      } catch (StatusRuntimeException e) {
        if (context.isCancelled() || e.getStatus().getCode() == Status.Code.CANCELLED) return;
        if (!RECONNECTABLE.contains(e.getStatus().getCode())) throw GatewayException.from(e, "");
      }
      Thread.sleep(backoffMillis);
      backoffMillis = Math.min(backoffMillis * 2, 5000);
    }
  }

  /** Ends {@link #run} (from any thread). */
  public void stop() {
    context.cancel(null);
  }
}
