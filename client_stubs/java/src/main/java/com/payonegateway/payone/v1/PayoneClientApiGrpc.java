package com.payonegateway.payone.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Prepares calls that the customer's browser makes to PAYONE's Client API.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class PayoneClientApiGrpc {

  private PayoneClientApiGrpc() {}

  public static final java.lang.String SERVICE_NAME = "payone.v1.PayoneClientApi";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.PrepareCreditCardCheckRequest,
      com.payonegateway.payone.v1.PrepareCreditCardCheckResponse> getPrepareCreditCardCheckMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "PrepareCreditCardCheck",
      requestType = com.payonegateway.payone.v1.PrepareCreditCardCheckRequest.class,
      responseType = com.payonegateway.payone.v1.PrepareCreditCardCheckResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.PrepareCreditCardCheckRequest,
      com.payonegateway.payone.v1.PrepareCreditCardCheckResponse> getPrepareCreditCardCheckMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.PrepareCreditCardCheckRequest, com.payonegateway.payone.v1.PrepareCreditCardCheckResponse> getPrepareCreditCardCheckMethod;
    if ((getPrepareCreditCardCheckMethod = PayoneClientApiGrpc.getPrepareCreditCardCheckMethod) == null) {
      synchronized (PayoneClientApiGrpc.class) {
        if ((getPrepareCreditCardCheckMethod = PayoneClientApiGrpc.getPrepareCreditCardCheckMethod) == null) {
          PayoneClientApiGrpc.getPrepareCreditCardCheckMethod = getPrepareCreditCardCheckMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.PrepareCreditCardCheckRequest, com.payonegateway.payone.v1.PrepareCreditCardCheckResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "PrepareCreditCardCheck"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.PrepareCreditCardCheckRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.PrepareCreditCardCheckResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PayoneClientApiMethodDescriptorSupplier("PrepareCreditCardCheck"))
              .build();
        }
      }
    }
    return getPrepareCreditCardCheckMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static PayoneClientApiStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PayoneClientApiStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PayoneClientApiStub>() {
        @java.lang.Override
        public PayoneClientApiStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PayoneClientApiStub(channel, callOptions);
        }
      };
    return PayoneClientApiStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static PayoneClientApiBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PayoneClientApiBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PayoneClientApiBlockingV2Stub>() {
        @java.lang.Override
        public PayoneClientApiBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PayoneClientApiBlockingV2Stub(channel, callOptions);
        }
      };
    return PayoneClientApiBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static PayoneClientApiBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PayoneClientApiBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PayoneClientApiBlockingStub>() {
        @java.lang.Override
        public PayoneClientApiBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PayoneClientApiBlockingStub(channel, callOptions);
        }
      };
    return PayoneClientApiBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static PayoneClientApiFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PayoneClientApiFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PayoneClientApiFutureStub>() {
        @java.lang.Override
        public PayoneClientApiFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PayoneClientApiFutureStub(channel, callOptions);
        }
      };
    return PayoneClientApiFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Prepares calls that the customer's browser makes to PAYONE's Client API.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * The parameters, with their hash, of a browser-side
     * request=creditcardcheck: the hosted iFrame (or a Client API call of the
     * shop's own page) checks the card and answers a pseudocardpan,
     * truncatedcardpan, cardtype and cardexpiredate to the page. The answer
     * can be cached per account and reused for any number of checkouts.
     * </pre>
     */
    default void prepareCreditCardCheck(com.payonegateway.payone.v1.PrepareCreditCardCheckRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.PrepareCreditCardCheckResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getPrepareCreditCardCheckMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service PayoneClientApi.
   * <pre>
   * Prepares calls that the customer's browser makes to PAYONE's Client API.
   * </pre>
   */
  public static abstract class PayoneClientApiImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return PayoneClientApiGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service PayoneClientApi.
   * <pre>
   * Prepares calls that the customer's browser makes to PAYONE's Client API.
   * </pre>
   */
  public static final class PayoneClientApiStub
      extends io.grpc.stub.AbstractAsyncStub<PayoneClientApiStub> {
    private PayoneClientApiStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PayoneClientApiStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PayoneClientApiStub(channel, callOptions);
    }

    /**
     * <pre>
     * The parameters, with their hash, of a browser-side
     * request=creditcardcheck: the hosted iFrame (or a Client API call of the
     * shop's own page) checks the card and answers a pseudocardpan,
     * truncatedcardpan, cardtype and cardexpiredate to the page. The answer
     * can be cached per account and reused for any number of checkouts.
     * </pre>
     */
    public void prepareCreditCardCheck(com.payonegateway.payone.v1.PrepareCreditCardCheckRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.PrepareCreditCardCheckResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getPrepareCreditCardCheckMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service PayoneClientApi.
   * <pre>
   * Prepares calls that the customer's browser makes to PAYONE's Client API.
   * </pre>
   */
  public static final class PayoneClientApiBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<PayoneClientApiBlockingV2Stub> {
    private PayoneClientApiBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PayoneClientApiBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PayoneClientApiBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * The parameters, with their hash, of a browser-side
     * request=creditcardcheck: the hosted iFrame (or a Client API call of the
     * shop's own page) checks the card and answers a pseudocardpan,
     * truncatedcardpan, cardtype and cardexpiredate to the page. The answer
     * can be cached per account and reused for any number of checkouts.
     * </pre>
     */
    public com.payonegateway.payone.v1.PrepareCreditCardCheckResponse prepareCreditCardCheck(com.payonegateway.payone.v1.PrepareCreditCardCheckRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getPrepareCreditCardCheckMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service PayoneClientApi.
   * <pre>
   * Prepares calls that the customer's browser makes to PAYONE's Client API.
   * </pre>
   */
  public static final class PayoneClientApiBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<PayoneClientApiBlockingStub> {
    private PayoneClientApiBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PayoneClientApiBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PayoneClientApiBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * The parameters, with their hash, of a browser-side
     * request=creditcardcheck: the hosted iFrame (or a Client API call of the
     * shop's own page) checks the card and answers a pseudocardpan,
     * truncatedcardpan, cardtype and cardexpiredate to the page. The answer
     * can be cached per account and reused for any number of checkouts.
     * </pre>
     */
    public com.payonegateway.payone.v1.PrepareCreditCardCheckResponse prepareCreditCardCheck(com.payonegateway.payone.v1.PrepareCreditCardCheckRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getPrepareCreditCardCheckMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service PayoneClientApi.
   * <pre>
   * Prepares calls that the customer's browser makes to PAYONE's Client API.
   * </pre>
   */
  public static final class PayoneClientApiFutureStub
      extends io.grpc.stub.AbstractFutureStub<PayoneClientApiFutureStub> {
    private PayoneClientApiFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PayoneClientApiFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PayoneClientApiFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * The parameters, with their hash, of a browser-side
     * request=creditcardcheck: the hosted iFrame (or a Client API call of the
     * shop's own page) checks the card and answers a pseudocardpan,
     * truncatedcardpan, cardtype and cardexpiredate to the page. The answer
     * can be cached per account and reused for any number of checkouts.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.PrepareCreditCardCheckResponse> prepareCreditCardCheck(
        com.payonegateway.payone.v1.PrepareCreditCardCheckRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getPrepareCreditCardCheckMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_PREPARE_CREDIT_CARD_CHECK = 0;

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
        case METHODID_PREPARE_CREDIT_CARD_CHECK:
          serviceImpl.prepareCreditCardCheck((com.payonegateway.payone.v1.PrepareCreditCardCheckRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.PrepareCreditCardCheckResponse>) responseObserver);
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
          getPrepareCreditCardCheckMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.PrepareCreditCardCheckRequest,
              com.payonegateway.payone.v1.PrepareCreditCardCheckResponse>(
                service, METHODID_PREPARE_CREDIT_CARD_CHECK)))
        .build();
  }

  private static abstract class PayoneClientApiBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    PayoneClientApiBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.payonegateway.payone.v1.ClientApiProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("PayoneClientApi");
    }
  }

  private static final class PayoneClientApiFileDescriptorSupplier
      extends PayoneClientApiBaseDescriptorSupplier {
    PayoneClientApiFileDescriptorSupplier() {}
  }

  private static final class PayoneClientApiMethodDescriptorSupplier
      extends PayoneClientApiBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    PayoneClientApiMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (PayoneClientApiGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new PayoneClientApiFileDescriptorSupplier())
              .addMethod(getPrepareCreditCardCheckMethod())
              .build();
        }
      }
    }
    return result;
  }
}
