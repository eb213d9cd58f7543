package com.payonegateway.client;

import com.payonegateway.payone.v1.PaymentLedgerGrpc;
import com.payonegateway.payone.v1.PayoneClientApiGrpc;
import com.payonegateway.payone.v1.PayoneGatewayGrpc;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.ClientCalls;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * A client of the PAYONE gateway: one channel, both services.
 *
 * <pre>{@code
 * try (GatewayClient client = GatewayClient.newBuilder("gateway:50051")
 *     .token(token).tls(TlsChannelCredentials.create()).build()) {
 *   PreauthorizationResponse answer = new IdempotentOperation(client)
 *       .call(PayoneGatewayGrpc.getPreauthorizeMethod(), request);
 * } catch (GatewayException e) {
 *   e.violations(); e.reason(); e.retrySafe();
 * }
 * }</pre>
 *
 * <p>{@link #call} runs any unary RPC of either service by its method
 * descriptor and throws {@link GatewayException}; {@link #gateway()} and
 * {@link #ledger()} are the generated blocking stubs on the same channel (with
 * the token, request id and default deadline added), for everything else.
 * The transport comes from the classpath (grpc-netty-shaded or grpc-okhttp).
 */
public final class GatewayClient implements AutoCloseable {
  /** Deadline of a unary call unless told otherwise: PAYONE answers within seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> REQUEST_ID =
      Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> IDEMPOTENCY_KEY =
      Metadata.Key.of("idempotency-key", Metadata.ASCII_STRING_MARSHALLER);
  static final CallOptions.Key<String> REQUEST_ID_OPTION = CallOptions.Key.create("x-request-id");
  static final CallOptions.Key<String> IDEMPOTENCY_KEY_OPTION =
      CallOptions.Key.create("idempotency-key");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ManagedChannel managed;
  private final Channel channel;
  private final Duration timeout;

  private GatewayClient(Builder builder) {
    managed = Grpc.newChannelBuilder(builder.address, builder.credentials).build();
    timeout = builder.timeout;
    channel = ClientInterceptors.intercept(managed, new CallMetadata(builder.token, timeout));
  }

  /** A builder for a client of the gateway at {@code address} ("host:port" or any gRPC target). */
  public static Builder newBuilder(String address) {
    return new Builder(address);
  }

  /** 32 random hex digits (128 bits): request ids and idempotency keys. */
  public static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Runs a unary RPC of either service, e.g. {@code PayoneGatewayGrpc.getCaptureMethod()}. */
  public <Req, Resp> Resp call(MethodDescriptor<Req, Resp> method, Req request) {
    return call(method, request, CallSettings.DEFAULT);
  }

  public <Req, Resp> Resp call(MethodDescriptor<Req, Resp> method, Req request, CallSettings settings) {
    String requestId = settings.requestId() != null ? settings.requestId() : newId();
    CallOptions options = CallOptions.DEFAULT
        .withDeadlineAfter(
            (settings.timeout() != null ? settings.timeout() : timeout).toMillis(), TimeUnit.MILLISECONDS)
        .withOption(REQUEST_ID_OPTION, requestId);
    if (settings.idempotencyKey() != null) {
      options = options.withOption(IDEMPOTENCY_KEY_OPTION, settings.idempotencyKey());
    }
    if (settings.waitForReady()) options = options.withWaitForReady();
    try {
      return ClientCalls.blockingUnaryCall(channel, method, options, request);
    } catch (StatusRuntimeException e) {
      throw GatewayException.from(e, requestId);
    }
  }

  /** The generated PayoneGateway stub on this client's channel. */
  public PayoneGatewayGrpc.PayoneGatewayBlockingStub gateway() {
    return PayoneGatewayGrpc.newBlockingStub(channel);
  }

  /** The generated PaymentLedger stub on this client's channel. */
  public PaymentLedgerGrpc.PaymentLedgerBlockingStub ledger() {
    return PaymentLedgerGrpc.newBlockingStub(channel);
  }

  /** The generated PayoneClientApi stub on this client's channel. */
  public PayoneClientApiGrpc.PayoneClientApiBlockingStub clientApi() {
    return PayoneClientApiGrpc.newBlockingStub(channel);
  }

  /** The channel with the token and request ids, for other stubs. */
  public Channel channel() {
    return channel;
  }

  @Override
  public void close() throws InterruptedException {
    managed.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  /** Settings of a client. */
  public static final class Builder {
    private final String address;
    private String token;
    private ChannelCredentials credentials = InsecureChannelCredentials.create();
    private Duration timeout = DEFAULT_TIMEOUT;

    private Builder(String address) {
      this.address = address;
    }

    /** Sent as "authorization: Bearer <token>". */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /**
     * TLS credentials, e.g. {@code TlsChannelCredentials.create()} (the
     * system's roots). Without: plaintext, for loopback and tests only.
     */
    public Builder tls(ChannelCredentials credentials) {
      this.credentials = credentials;
      return this;
    }

    /** TLS with the system's roots. */
    public Builder tls() {
      return tls(TlsChannelCredentials.create());
    }

    /** Replaces {@link #DEFAULT_TIMEOUT}. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public GatewayClient build() {
      return new GatewayClient(this);
    }
  }

  /**
   * Adds token, x-request-id and idempotency-key to every call, and the
   * default deadline to unary calls that have none (streams run until
   * cancelled).
   */
  private static final class CallMetadata implements ClientInterceptor {
    private final String token;
    private final Duration timeout;

    CallMetadata(String token, Duration timeout) {
      this.token = token;
      this.timeout = timeout;
    }

    @Override
    public <Req, Resp> ClientCall<Req, Resp> interceptCall(
        MethodDescriptor<Req, Resp> method, CallOptions options, Channel next) {
      if (options.getDeadline() == null && method.getType() == MethodDescriptor.MethodType.UNARY) {
        options = options.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      String requestId = options.getOption(REQUEST_ID_OPTION);
      String idempotencyKey = options.getOption(IDEMPOTENCY_KEY_OPTION);
      return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
        @Override
        public void start(Listener<Resp> listener, Metadata headers) {
          headers.put(REQUEST_ID, requestId != null ? requestId : newId());
          if (token != null && !token.isEmpty()) headers.put(AUTHORIZATION, "Bearer " + token);
          if (idempotencyKey != null) headers.put(IDEMPOTENCY_KEY, idempotencyKey);
          super.start(listener, headers);
        }
      };
    }
  }
}
