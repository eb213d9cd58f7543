package com.payonegateway.payone.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Notifications and payment processes as the gateway's ledger knows them.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class PaymentLedgerGrpc {

  private PaymentLedgerGrpc() {}

  public static final java.lang.String SERVICE_NAME = "payone.v1.PaymentLedger";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.WatchTransactionStatusRequest,
      com.payonegateway.payone.v1.TransactionStatusEvent> getWatchTransactionStatusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchTransactionStatus",
      requestType = com.payonegateway.payone.v1.WatchTransactionStatusRequest.class,
      responseType = com.payonegateway.payone.v1.TransactionStatusEvent.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.WatchTransactionStatusRequest,
      com.payonegateway.payone.v1.TransactionStatusEvent> getWatchTransactionStatusMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.WatchTransactionStatusRequest, com.payonegateway.payone.v1.TransactionStatusEvent> getWatchTransactionStatusMethod;
    if ((getWatchTransactionStatusMethod = PaymentLedgerGrpc.getWatchTransactionStatusMethod) == null) {
      synchronized (PaymentLedgerGrpc.class) {
        if ((getWatchTransactionStatusMethod = PaymentLedgerGrpc.getWatchTransactionStatusMethod) == null) {
          PaymentLedgerGrpc.getWatchTransactionStatusMethod = getWatchTransactionStatusMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.WatchTransactionStatusRequest, com.payonegateway.payone.v1.TransactionStatusEvent>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchTransactionStatus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.WatchTransactionStatusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.TransactionStatusEvent.getDefaultInstance()))
              .setSchemaDescriptor(new PaymentLedgerMethodDescriptorSupplier("WatchTransactionStatus"))
              .build();
        }
      }
    }
    return getWatchTransactionStatusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.ListTransactionStatusRequest,
      com.payonegateway.payone.v1.ListTransactionStatusResponse> getListTransactionStatusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListTransactionStatus",
      requestType = com.payonegateway.payone.v1.ListTransactionStatusRequest.class,
      responseType = com.payonegateway.payone.v1.ListTransactionStatusResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.ListTransactionStatusRequest,
      com.payonegateway.payone.v1.ListTransactionStatusResponse> getListTransactionStatusMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.ListTransactionStatusRequest, com.payonegateway.payone.v1.ListTransactionStatusResponse> getListTransactionStatusMethod;
    if ((getListTransactionStatusMethod = PaymentLedgerGrpc.getListTransactionStatusMethod) == null) {
      synchronized (PaymentLedgerGrpc.class) {
        if ((getListTransactionStatusMethod = PaymentLedgerGrpc.getListTransactionStatusMethod) == null) {
          PaymentLedgerGrpc.getListTransactionStatusMethod = getListTransactionStatusMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.ListTransactionStatusRequest, com.payonegateway.payone.v1.ListTransactionStatusResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListTransactionStatus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.ListTransactionStatusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.ListTransactionStatusResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PaymentLedgerMethodDescriptorSupplier("ListTransactionStatus"))
              .build();
        }
      }
    }
    return getListTransactionStatusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.GetPaymentRequest,
      com.payonegateway.payone.v1.GetPaymentResponse> getGetPaymentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetPayment",
      requestType = com.payonegateway.payone.v1.GetPaymentRequest.class,
      responseType = com.payonegateway.payone.v1.GetPaymentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.GetPaymentRequest,
      com.payonegateway.payone.v1.GetPaymentResponse> getGetPaymentMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.GetPaymentRequest, com.payonegateway.payone.v1.GetPaymentResponse> getGetPaymentMethod;
    if ((getGetPaymentMethod = PaymentLedgerGrpc.getGetPaymentMethod) == null) {
      synchronized (PaymentLedgerGrpc.class) {
        if ((getGetPaymentMethod = PaymentLedgerGrpc.getGetPaymentMethod) == null) {
          PaymentLedgerGrpc.getGetPaymentMethod = getGetPaymentMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.GetPaymentRequest, com.payonegateway.payone.v1.GetPaymentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetPayment"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.GetPaymentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.GetPaymentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PaymentLedgerMethodDescriptorSupplier("GetPayment"))
              .build();
        }
      }
    }
    return getGetPaymentMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static PaymentLedgerStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PaymentLedgerStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PaymentLedgerStub>() {
        @java.lang.Override
        public PaymentLedgerStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PaymentLedgerStub(channel, callOptions);
        }
      };
    return PaymentLedgerStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static PaymentLedgerBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PaymentLedgerBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PaymentLedgerBlockingV2Stub>() {
        @java.lang.Override
        public PaymentLedgerBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PaymentLedgerBlockingV2Stub(channel, callOptions);
        }
      };
    return PaymentLedgerBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static PaymentLedgerBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PaymentLedgerBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PaymentLedgerBlockingStub>() {
        @java.lang.Override
        public PaymentLedgerBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PaymentLedgerBlockingStub(channel, callOptions);
        }
      };
    return PaymentLedgerBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static PaymentLedgerFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PaymentLedgerFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PaymentLedgerFutureStub>() {
        @java.lang.Override
        public PaymentLedgerFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PaymentLedgerFutureStub(channel, callOptions);
        }
      };
    return PaymentLedgerFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Notifications and payment processes as the gateway's ledger knows them.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Streams the stored notifications of an account (optionally of one txid)
     * after `after_cursor`, oldest first, then every new one as it is stored,
     * until the caller cancels. Delivery is at least once: resume with the
     * cursor of the last event processed.
     * </pre>
     */
    default void watchTransactionStatus(com.payonegateway.payone.v1.WatchTransactionStatusRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.TransactionStatusEvent> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchTransactionStatusMethod(), responseObserver);
    }

    /**
     * <pre>
     * One page of stored notifications after a cursor, oldest first.
     * </pre>
     */
    default void listTransactionStatus(com.payonegateway.payone.v1.ListTransactionStatusRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.ListTransactionStatusResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListTransactionStatusMethod(), responseObserver);
    }

    /**
     * <pre>
     * The ledger view of one payment process: amounts, the last sequence
     * number and the history of requests and notifications.
     * </pre>
     */
    default void getPayment(com.payonegateway.payone.v1.GetPaymentRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.GetPaymentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetPaymentMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service PaymentLedger.
   * <pre>
   * Notifications and payment processes as the gateway's ledger knows them.
   * </pre>
   */
  public static abstract class PaymentLedgerImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return PaymentLedgerGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service PaymentLedger.
   * <pre>
   * Notifications and payment processes as the gateway's ledger knows them.
   * </pre>
   */
  public static final class PaymentLedgerStub
      extends io.grpc.stub.AbstractAsyncStub<PaymentLedgerStub> {
    private PaymentLedgerStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PaymentLedgerStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PaymentLedgerStub(channel, callOptions);
    }

    /**
     * <pre>
     * Streams the stored notifications of an account (optionally of one txid)
     * after `after_cursor`, oldest first, then every new one as it is stored,
     * until the caller cancels. Delivery is at least once: resume with the
     * cursor of the last event processed.
     * </pre>
     */
    public void watchTransactionStatus(com.payonegateway.payone.v1.WatchTransactionStatusRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.TransactionStatusEvent> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchTransactionStatusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * One page of stored notifications after a cursor, oldest first.
     * </pre>
     */
    public void listTransactionStatus(com.payonegateway.payone.v1.ListTransactionStatusRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.ListTransactionStatusResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListTransactionStatusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The ledger view of one payment process: amounts, the last sequence
     * number and the history of requests and notifications.
     * </pre>
     */
    public void getPayment(com.payonegateway.payone.v1.GetPaymentRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.GetPaymentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetPaymentMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service PaymentLedger.
   * <pre>
   * Notifications and payment processes as the gateway's ledger knows them.
   * </pre>
   */
  public static final class PaymentLedgerBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<PaymentLedgerBlockingV2Stub> {
    private PaymentLedgerBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PaymentLedgerBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PaymentLedgerBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Streams the stored notifications of an account (optionally of one txid)
     * after `after_cursor`, oldest first, then every new one as it is stored,
     * until the caller cancels. Delivery is at least once: resume with the
     * cursor of the last event processed.
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<?, com.payonegateway.payone.v1.TransactionStatusEvent>
        watchTransactionStatus(com.payonegateway.payone.v1.WatchTransactionStatusRequest request) {
      return io.grpc.stub.ClientCalls.blockingV2ServerStreamingCall(
          getChannel(), getWatchTransactionStatusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * One page of stored notifications after a cursor, oldest first.
     * </pre>
     */
    public com.payonegateway.payone.v1.ListTransactionStatusResponse listTransactionStatus(com.payonegateway.payone.v1.ListTransactionStatusRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListTransactionStatusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The ledger view of one payment process: amounts, the last sequence
     * number and the history of requests and notifications.
     * </pre>
     */
    public com.payonegateway.payone.v1.GetPaymentResponse getPayment(com.payonegateway.payone.v1.GetPaymentRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetPaymentMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service PaymentLedger.
   * <pre>
   * Notifications and payment processes as the gateway's ledger knows them.
   * </pre>
   */
  public static final class PaymentLedgerBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<PaymentLedgerBlockingStub> {
    private PaymentLedgerBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PaymentLedgerBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PaymentLedgerBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Streams the stored notifications of an account (optionally of one txid)
     * after `after_cursor`, oldest first, then every new one as it is stored,
     * until the caller cancels. Delivery is at least once: resume with the
     * cursor of the last event processed.
     * </pre>
     */
    public java.util.Iterator<com.payonegateway.payone.v1.TransactionStatusEvent> watchTransactionStatus(
        com.payonegateway.payone.v1.WatchTransactionStatusRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchTransactionStatusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * One page of stored notifications after a cursor, oldest first.
     * </pre>
     */
    public com.payonegateway.payone.v1.ListTransactionStatusResponse listTransactionStatus(com.payonegateway.payone.v1.ListTransactionStatusRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListTransactionStatusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The ledger view of one payment process: amounts, the last sequence
     * number and the history of requests and notifications.
     * </pre>
     */
    public com.payonegateway.payone.v1.GetPaymentResponse getPayment(com.payonegateway.payone.v1.GetPaymentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetPaymentMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service PaymentLedger.
   * <pre>
   * Notifications and payment processes as the gateway's ledger knows them.
   * </pre>
   */
  public static final class PaymentLedgerFutureStub
      extends io.grpc.stub.AbstractFutureStub<PaymentLedgerFutureStub> {
    private PaymentLedgerFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PaymentLedgerFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PaymentLedgerFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * One page of stored notifications after a cursor, oldest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.ListTransactionStatusResponse> listTransactionStatus(
        com.payonegateway.payone.v1.ListTransactionStatusRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListTransactionStatusMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The ledger view of one payment process: amounts, the last sequence
     * number and the history of requests and notifications.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.GetPaymentResponse> getPayment(
        com.payonegateway.payone.v1.GetPaymentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetPaymentMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_WATCH_TRANSACTION_STATUS = 0;
  private static final int METHODID_LIST_TRANSACTION_STATUS = 1;
  private static final int METHODID_GET_PAYMENT = 2;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final AsyncService serviceImpl;
    private final int methodId;

    MethodHandlers(AsyncService serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_WATCH_TRANSACTION_STATUS:
          serviceImpl.watchTransactionStatus((com.payonegateway.payone.v1.WatchTransactionStatusRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.TransactionStatusEvent>) responseObserver);
          break;
        case METHODID_LIST_TRANSACTION_STATUS:
          serviceImpl.listTransactionStatus((com.payonegateway.payone.v1.ListTransactionStatusRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.ListTransactionStatusResponse>) responseObserver);
          break;
        case METHODID_GET_PAYMENT:
          serviceImpl.getPayment((com.payonegateway.payone.v1.GetPaymentRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.GetPaymentResponse>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getWatchTransactionStatusMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.WatchTransactionStatusRequest,
              com.payonegateway.payone.v1.TransactionStatusEvent>(
                service, METHODID_WATCH_TRANSACTION_STATUS)))
        .addMethod(
          getListTransactionStatusMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.ListTransactionStatusRequest,
              com.payonegateway.payone.v1.ListTransactionStatusResponse>(
                service, METHODID_LIST_TRANSACTION_STATUS)))
        .addMethod(
          getGetPaymentMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.GetPaymentRequest,
              com.payonegateway.payone.v1.GetPaymentResponse>(
                service, METHODID_GET_PAYMENT)))
        .build();
  }

  private static abstract class PaymentLedgerBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    PaymentLedgerBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.payonegateway.payone.v1.LedgerProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("PaymentLedger");
    }
  }

  private static final class PaymentLedgerFileDescriptorSupplier
      extends PaymentLedgerBaseDescriptorSupplier {
    PaymentLedgerFileDescriptorSupplier() {}
  }

  private static final class PaymentLedgerMethodDescriptorSupplier
      extends PaymentLedgerBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    PaymentLedgerMethodDescriptorSupplier(java.lang.String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (PaymentLedgerGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new PaymentLedgerFileDescriptorSupplier())
              .addMethod(getWatchTransactionStatusMethod())
              .addMethod(getListTransactionStatusMethod())
              .addMethod(getGetPaymentMethod())
              .build();
        }
      }
    }
    return result;
  }
}
