package com.payonegateway.payone.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * The PAYONE Server API (https://api.pay1.de/post-gateway/) as a gRPC
 * service. Request and response messages are named after PAYONE's request
 * types (request=preauthorization -&gt; PreauthorizationRequest).
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class PayoneGatewayGrpc {

  private PayoneGatewayGrpc() {}

  public static final java.lang.String SERVICE_NAME = "payone.v1.PayoneGateway";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.PreauthorizationRequest,
      com.payonegateway.payone.v1.PreauthorizationResponse> getPreauthorizeMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Preauthorize",
      requestType = com.payonegateway.payone.v1.PreauthorizationRequest.class,
      responseType = com.payonegateway.payone.v1.PreauthorizationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.PreauthorizationRequest,
      com.payonegateway.payone.v1.PreauthorizationResponse> getPreauthorizeMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.PreauthorizationRequest, com.payonegateway.payone.v1.PreauthorizationResponse> getPreauthorizeMethod;
    if ((getPreauthorizeMethod = PayoneGatewayGrpc.getPreauthorizeMethod) == null) {
      synchronized (PayoneGatewayGrpc.class) {
        if ((getPreauthorizeMethod = PayoneGatewayGrpc.getPreauthorizeMethod) == null) {
          PayoneGatewayGrpc.getPreauthorizeMethod = getPreauthorizeMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.PreauthorizationRequest, com.payonegateway.payone.v1.PreauthorizationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Preauthorize"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.PreauthorizationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.PreauthorizationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PayoneGatewayMethodDescriptorSupplier("Preauthorize"))
              .build();
        }
      }
    }
    return getPreauthorizeMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.AuthorizationRequest,
      com.payonegateway.payone.v1.AuthorizationResponse> getAuthorizeMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Authorize",
      requestType = com.payonegateway.payone.v1.AuthorizationRequest.class,
      responseType = com.payonegateway.payone.v1.AuthorizationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.AuthorizationRequest,
      com.payonegateway.payone.v1.AuthorizationResponse> getAuthorizeMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.AuthorizationRequest, com.payonegateway.payone.v1.AuthorizationResponse> getAuthorizeMethod;
    if ((getAuthorizeMethod = PayoneGatewayGrpc.getAuthorizeMethod) == null) {
      synchronized (PayoneGatewayGrpc.class) {
        if ((getAuthorizeMethod = PayoneGatewayGrpc.getAuthorizeMethod) == null) {
          PayoneGatewayGrpc.getAuthorizeMethod = getAuthorizeMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.AuthorizationRequest, com.payonegateway.payone.v1.AuthorizationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Authorize"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.AuthorizationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.AuthorizationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PayoneGatewayMethodDescriptorSupplier("Authorize"))
              .build();
        }
      }
    }
    return getAuthorizeMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.CaptureRequest,
      com.payonegateway.payone.v1.CaptureResponse> getCaptureMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Capture",
      requestType = com.payonegateway.payone.v1.CaptureRequest.class,
      responseType = com.payonegateway.payone.v1.CaptureResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.CaptureRequest,
      com.payonegateway.payone.v1.CaptureResponse> getCaptureMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.CaptureRequest, com.payonegateway.payone.v1.CaptureResponse> getCaptureMethod;
    if ((getCaptureMethod = PayoneGatewayGrpc.getCaptureMethod) == null) {
      synchronized (PayoneGatewayGrpc.class) {
        if ((getCaptureMethod = PayoneGatewayGrpc.getCaptureMethod) == null) {
          PayoneGatewayGrpc.getCaptureMethod = getCaptureMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.CaptureRequest, com.payonegateway.payone.v1.CaptureResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Capture"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.CaptureRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.CaptureResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PayoneGatewayMethodDescriptorSupplier("Capture"))
              .build();
        }
      }
    }
    return getCaptureMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.DebitRequest,
      com.payonegateway.payone.v1.DebitResponse> getDebitMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Debit",
      requestType = com.payonegateway.payone.v1.DebitRequest.class,
      responseType = com.payonegateway.payone.v1.DebitResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.DebitRequest,
      com.payonegateway.payone.v1.DebitResponse> getDebitMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.DebitRequest, com.payonegateway.payone.v1.DebitResponse> getDebitMethod;
    if ((getDebitMethod = PayoneGatewayGrpc.getDebitMethod) == null) {
      synchronized (PayoneGatewayGrpc.class) {
        if ((getDebitMethod = PayoneGatewayGrpc.getDebitMethod) == null) {
          PayoneGatewayGrpc.getDebitMethod = getDebitMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.DebitRequest, com.payonegateway.payone.v1.DebitResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Debit"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.DebitRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.DebitResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PayoneGatewayMethodDescriptorSupplier("Debit"))
              .build();
        }
      }
    }
    return getDebitMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.RefundRequest,
      com.payonegateway.payone.v1.RefundResponse> getRefundMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Refund",
      requestType = com.payonegateway.payone.v1.RefundRequest.class,
      responseType = com.payonegateway.payone.v1.RefundResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.RefundRequest,
      com.payonegateway.payone.v1.RefundResponse> getRefundMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.RefundRequest, com.payonegateway.payone.v1.RefundResponse> getRefundMethod;
    if ((getRefundMethod = PayoneGatewayGrpc.getRefundMethod) == null) {
      synchronized (PayoneGatewayGrpc.class) {
        if ((getRefundMethod = PayoneGatewayGrpc.getRefundMethod) == null) {
          PayoneGatewayGrpc.getRefundMethod = getRefundMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.RefundRequest, com.payonegateway.payone.v1.RefundResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Refund"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.RefundRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.RefundResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PayoneGatewayMethodDescriptorSupplier("Refund"))
              .build();
        }
      }
    }
    return getRefundMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.VauthorizationRequest,
      com.payonegateway.payone.v1.VauthorizationResponse> getVauthorizeMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Vauthorize",
      requestType = com.payonegateway.payone.v1.VauthorizationRequest.class,
      responseType = com.payonegateway.payone.v1.VauthorizationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.VauthorizationRequest,
      com.payonegateway.payone.v1.VauthorizationResponse> getVauthorizeMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.VauthorizationRequest, com.payonegateway.payone.v1.VauthorizationResponse> getVauthorizeMethod;
    if ((getVauthorizeMethod = PayoneGatewayGrpc.getVauthorizeMethod) == null) {
      synchronized (PayoneGatewayGrpc.class) {
        if ((getVauthorizeMethod = PayoneGatewayGrpc.getVauthorizeMethod) == null) {
          PayoneGatewayGrpc.getVauthorizeMethod = getVauthorizeMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.VauthorizationRequest, com.payonegateway.payone.v1.VauthorizationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Vauthorize"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.VauthorizationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.VauthorizationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PayoneGatewayMethodDescriptorSupplier("Vauthorize"))
              .build();
        }
      }
    }
    return getVauthorizeMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.ThreeDSCheckRequest,
      com.payonegateway.payone.v1.ThreeDSCheckResponse> getThreeDSCheckMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ThreeDSCheck",
      requestType = com.payonegateway.payone.v1.ThreeDSCheckRequest.class,
      responseType = com.payonegateway.payone.v1.ThreeDSCheckResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.ThreeDSCheckRequest,
      com.payonegateway.payone.v1.ThreeDSCheckResponse> getThreeDSCheckMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.ThreeDSCheckRequest, com.payonegateway.payone.v1.ThreeDSCheckResponse> getThreeDSCheckMethod;
    if ((getThreeDSCheckMethod = PayoneGatewayGrpc.getThreeDSCheckMethod) == null) {
      synchronized (PayoneGatewayGrpc.class) {
        if ((getThreeDSCheckMethod = PayoneGatewayGrpc.getThreeDSCheckMethod) == null) {
          PayoneGatewayGrpc.getThreeDSCheckMethod = getThreeDSCheckMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.ThreeDSCheckRequest, com.payonegateway.payone.v1.ThreeDSCheckResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ThreeDSCheck"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.ThreeDSCheckRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.ThreeDSCheckResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PayoneGatewayMethodDescriptorSupplier("ThreeDSCheck"))
              .build();
        }
      }
    }
    return getThreeDSCheckMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.CreditCardCheckRequest,
      com.payonegateway.payone.v1.CreditCardCheckResponse> getCreditCardCheckMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreditCardCheck",
      requestType = com.payonegateway.payone.v1.CreditCardCheckRequest.class,
      responseType = com.payonegateway.payone.v1.CreditCardCheckResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.CreditCardCheckRequest,
      com.payonegateway.payone.v1.CreditCardCheckResponse> getCreditCardCheckMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.CreditCardCheckRequest, com.payonegateway.payone.v1.CreditCardCheckResponse> getCreditCardCheckMethod;
    if ((getCreditCardCheckMethod = PayoneGatewayGrpc.getCreditCardCheckMethod) == null) {
      synchronized (PayoneGatewayGrpc.class) {
        if ((getCreditCardCheckMethod = PayoneGatewayGrpc.getCreditCardCheckMethod) == null) {
          PayoneGatewayGrpc.getCreditCardCheckMethod = getCreditCardCheckMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.CreditCardCheckRequest, com.payonegateway.payone.v1.CreditCardCheckResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreditCardCheck"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.CreditCardCheckRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.CreditCardCheckResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PayoneGatewayMethodDescriptorSupplier("CreditCardCheck"))
              .build();
        }
      }
    }
    return getCreditCardCheckMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.BankAccountCheckRequest,
      com.payonegateway.payone.v1.BankAccountCheckResponse> getBankAccountCheckMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "BankAccountCheck",
      requestType = com.payonegateway.payone.v1.BankAccountCheckRequest.class,
      responseType = com.payonegateway.payone.v1.BankAccountCheckResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.BankAccountCheckRequest,
      com.payonegateway.payone.v1.BankAccountCheckResponse> getBankAccountCheckMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.BankAccountCheckRequest, com.payonegateway.payone.v1.BankAccountCheckResponse> getBankAccountCheckMethod;
    if ((getBankAccountCheckMethod = PayoneGatewayGrpc.getBankAccountCheckMethod) == null) {
      synchronized (PayoneGatewayGrpc.class) {
        if ((getBankAccountCheckMethod = PayoneGatewayGrpc.getBankAccountCheckMethod) == null) {
          PayoneGatewayGrpc.getBankAccountCheckMethod = getBankAccountCheckMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.BankAccountCheckRequest, com.payonegateway.payone.v1.BankAccountCheckResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "BankAccountCheck"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.BankAccountCheckRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.BankAccountCheckResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PayoneGatewayMethodDescriptorSupplier("BankAccountCheck"))
              .build();
        }
      }
    }
    return getBankAccountCheckMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.AddressCheckRequest,
      com.payonegateway.payone.v1.AddressCheckResponse> getAddressCheckMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AddressCheck",
      requestType = com.payonegateway.payone.v1.AddressCheckRequest.class,
      responseType = com.payonegateway.payone.v1.AddressCheckResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.AddressCheckRequest,
      com.payonegateway.payone.v1.AddressCheckResponse> getAddressCheckMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.AddressCheckRequest, com.payonegateway.payone.v1.AddressCheckResponse> getAddressCheckMethod;
    if ((getAddressCheckMethod = PayoneGatewayGrpc.getAddressCheckMethod) == null) {
      synchronized (PayoneGatewayGrpc.class) {
        if ((getAddressCheckMethod = PayoneGatewayGrpc.getAddressCheckMethod) == null) {
          PayoneGatewayGrpc.getAddressCheckMethod = getAddressCheckMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.AddressCheckRequest, com.payonegateway.payone.v1.AddressCheckResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AddressCheck"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.AddressCheckRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.AddressCheckResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PayoneGatewayMethodDescriptorSupplier("AddressCheck"))
              .build();
        }
      }
    }
    return getAddressCheckMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.ConsumerScoreRequest,
      com.payonegateway.payone.v1.ConsumerScoreResponse> getConsumerScoreMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ConsumerScore",
      requestType = com.payonegateway.payone.v1.ConsumerScoreRequest.class,
      responseType = com.payonegateway.payone.v1.ConsumerScoreResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.ConsumerScoreRequest,
      com.payonegateway.payone.v1.ConsumerScoreResponse> getConsumerScoreMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.ConsumerScoreRequest, com.payonegateway.payone.v1.ConsumerScoreResponse> getConsumerScoreMethod;
    if ((getConsumerScoreMethod = PayoneGatewayGrpc.getConsumerScoreMethod) == null) {
      synchronized (PayoneGatewayGrpc.class) {
        if ((getConsumerScoreMethod = PayoneGatewayGrpc.getConsumerScoreMethod) == null) {
          PayoneGatewayGrpc.getConsumerScoreMethod = getConsumerScoreMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.ConsumerScoreRequest, com.payonegateway.payone.v1.ConsumerScoreResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ConsumerScore"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.ConsumerScoreRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.ConsumerScoreResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PayoneGatewayMethodDescriptorSupplier("ConsumerScore"))
              .build();
        }
      }
    }
    return getConsumerScoreMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.ManageMandateRequest,
      com.payonegateway.payone.v1.ManageMandateResponse> getManageMandateMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ManageMandate",
      requestType = com.payonegateway.payone.v1.ManageMandateRequest.class,
      responseType = com.payonegateway.payone.v1.ManageMandateResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.ManageMandateRequest,
      com.payonegateway.payone.v1.ManageMandateResponse> getManageMandateMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.ManageMandateRequest, com.payonegateway.payone.v1.ManageMandateResponse> getManageMandateMethod;
    if ((getManageMandateMethod = PayoneGatewayGrpc.getManageMandateMethod) == null) {
      synchronized (PayoneGatewayGrpc.class) {
        if ((getManageMandateMethod = PayoneGatewayGrpc.getManageMandateMethod) == null) {
          PayoneGatewayGrpc.getManageMandateMethod = getManageMandateMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.ManageMandateRequest, com.payonegateway.payone.v1.ManageMandateResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ManageMandate"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.ManageMandateRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.ManageMandateResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PayoneGatewayMethodDescriptorSupplier("ManageMandate"))
              .build();
        }
      }
    }
    return getManageMandateMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.GetFileRequest,
      com.payonegateway.payone.v1.GetFileResponse> getGetFileMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetFile",
      requestType = com.payonegateway.payone.v1.GetFileRequest.class,
      responseType = com.payonegateway.payone.v1.GetFileResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.GetFileRequest,
      com.payonegateway.payone.v1.GetFileResponse> getGetFileMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.GetFileRequest, com.payonegateway.payone.v1.GetFileResponse> getGetFileMethod;
    if ((getGetFileMethod = PayoneGatewayGrpc.getGetFileMethod) == null) {
      synchronized (PayoneGatewayGrpc.class) {
        if ((getGetFileMethod = PayoneGatewayGrpc.getGetFileMethod) == null) {
          PayoneGatewayGrpc.getGetFileMethod = getGetFileMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.GetFileRequest, com.payonegateway.payone.v1.GetFileResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetFile"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.GetFileRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.GetFileResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PayoneGatewayMethodDescriptorSupplier("GetFile"))
              .build();
        }
      }
    }
    return getGetFileMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.GetInvoiceRequest,
      com.payonegateway.payone.v1.GetInvoiceResponse> getGetInvoiceMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetInvoice",
      requestType = com.payonegateway.payone.v1.GetInvoiceRequest.class,
      responseType = com.payonegateway.payone.v1.GetInvoiceResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.GetInvoiceRequest,
      com.payonegateway.payone.v1.GetInvoiceResponse> getGetInvoiceMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.GetInvoiceRequest, com.payonegateway.payone.v1.GetInvoiceResponse> getGetInvoiceMethod;
    if ((getGetInvoiceMethod = PayoneGatewayGrpc.getGetInvoiceMethod) == null) {
      synchronized (PayoneGatewayGrpc.class) {
        if ((getGetInvoiceMethod = PayoneGatewayGrpc.getGetInvoiceMethod) == null) {
          PayoneGatewayGrpc.getGetInvoiceMethod = getGetInvoiceMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.GetInvoiceRequest, com.payonegateway.payone.v1.GetInvoiceResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetInvoice"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.GetInvoiceRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.GetInvoiceResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PayoneGatewayMethodDescriptorSupplier("GetInvoice"))
              .build();
        }
      }
    }
    return getGetInvoiceMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.GenericPaymentRequest,
      com.payonegateway.payone.v1.GenericPaymentResponse> getGenericPaymentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GenericPayment",
      requestType = com.payonegateway.payone.v1.GenericPaymentRequest.class,
      responseType = com.payonegateway.payone.v1.GenericPaymentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.GenericPaymentRequest,
      com.payonegateway.payone.v1.GenericPaymentResponse> getGenericPaymentMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.GenericPaymentRequest, com.payonegateway.payone.v1.GenericPaymentResponse> getGenericPaymentMethod;
    if ((getGenericPaymentMethod = PayoneGatewayGrpc.getGenericPaymentMethod) == null) {
      synchronized (PayoneGatewayGrpc.class) {
        if ((getGenericPaymentMethod = PayoneGatewayGrpc.getGenericPaymentMethod) == null) {
          PayoneGatewayGrpc.getGenericPaymentMethod = getGenericPaymentMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.GenericPaymentRequest, com.payonegateway.payone.v1.GenericPaymentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GenericPayment"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.GenericPaymentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.GenericPaymentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PayoneGatewayMethodDescriptorSupplier("GenericPayment"))
              .build();
        }
      }
    }
    return getGenericPaymentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.UpdateUserRequest,
      com.payonegateway.payone.v1.UpdateUserResponse> getUpdateUserMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateUser",
      requestType = com.payonegateway.payone.v1.UpdateUserRequest.class,
      responseType = com.payonegateway.payone.v1.UpdateUserResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.UpdateUserRequest,
      com.payonegateway.payone.v1.UpdateUserResponse> getUpdateUserMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.UpdateUserRequest, com.payonegateway.payone.v1.UpdateUserResponse> getUpdateUserMethod;
    if ((getUpdateUserMethod = PayoneGatewayGrpc.getUpdateUserMethod) == null) {
      synchronized (PayoneGatewayGrpc.class) {
        if ((getUpdateUserMethod = PayoneGatewayGrpc.getUpdateUserMethod) == null) {
          PayoneGatewayGrpc.getUpdateUserMethod = getUpdateUserMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.UpdateUserRequest, com.payonegateway.payone.v1.UpdateUserResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateUser"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.UpdateUserRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.UpdateUserResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PayoneGatewayMethodDescriptorSupplier("UpdateUser"))
              .build();
        }
      }
    }
    return getUpdateUserMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.GetUserRequest,
      com.payonegateway.payone.v1.GetUserResponse> getGetUserMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetUser",
      requestType = com.payonegateway.payone.v1.GetUserRequest.class,
      responseType = com.payonegateway.payone.v1.GetUserResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.GetUserRequest,
      com.payonegateway.payone.v1.GetUserResponse> getGetUserMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.GetUserRequest, com.payonegateway.payone.v1.GetUserResponse> getGetUserMethod;
    if ((getGetUserMethod = PayoneGatewayGrpc.getGetUserMethod) == null) {
      synchronized (PayoneGatewayGrpc.class) {
        if ((getGetUserMethod = PayoneGatewayGrpc.getGetUserMethod) == null) {
          PayoneGatewayGrpc.getGetUserMethod = getGetUserMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.GetUserRequest, com.payonegateway.payone.v1.GetUserResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetUser"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.GetUserRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.GetUserResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PayoneGatewayMethodDescriptorSupplier("GetUser"))
              .build();
        }
      }
    }
    return getGetUserMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.CreateAccessRequest,
      com.payonegateway.payone.v1.CreateAccessResponse> getCreateAccessMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateAccess",
      requestType = com.payonegateway.payone.v1.CreateAccessRequest.class,
      responseType = com.payonegateway.payone.v1.CreateAccessResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.CreateAccessRequest,
      com.payonegateway.payone.v1.CreateAccessResponse> getCreateAccessMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.CreateAccessRequest, com.payonegateway.payone.v1.CreateAccessResponse> getCreateAccessMethod;
    if ((getCreateAccessMethod = PayoneGatewayGrpc.getCreateAccessMethod) == null) {
      synchronized (PayoneGatewayGrpc.class) {
        if ((getCreateAccessMethod = PayoneGatewayGrpc.getCreateAccessMethod) == null) {
          PayoneGatewayGrpc.getCreateAccessMethod = getCreateAccessMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.CreateAccessRequest, com.payonegateway.payone.v1.CreateAccessResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateAccess"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.CreateAccessRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.CreateAccessResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PayoneGatewayMethodDescriptorSupplier("CreateAccess"))
              .build();
        }
      }
    }
    return getCreateAccessMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.UpdateAccessRequest,
      com.payonegateway.payone.v1.UpdateAccessResponse> getUpdateAccessMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateAccess",
      requestType = com.payonegateway.payone.v1.UpdateAccessRequest.class,
      responseType = com.payonegateway.payone.v1.UpdateAccessResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.UpdateAccessRequest,
      com.payonegateway.payone.v1.UpdateAccessResponse> getUpdateAccessMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.UpdateAccessRequest, com.payonegateway.payone.v1.UpdateAccessResponse> getUpdateAccessMethod;
    if ((getUpdateAccessMethod = PayoneGatewayGrpc.getUpdateAccessMethod) == null) {
      synchronized (PayoneGatewayGrpc.class) {
        if ((getUpdateAccessMethod = PayoneGatewayGrpc.getUpdateAccessMethod) == null) {
          PayoneGatewayGrpc.getUpdateAccessMethod = getUpdateAccessMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.UpdateAccessRequest, com.payonegateway.payone.v1.UpdateAccessResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateAccess"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.UpdateAccessRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.UpdateAccessResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PayoneGatewayMethodDescriptorSupplier("UpdateAccess"))
              .build();
        }
      }
    }
    return getUpdateAccessMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.payonegateway.payone.v1.UpdateReminderRequest,
      com.payonegateway.payone.v1.UpdateReminderResponse> getUpdateReminderMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateReminder",
      requestType = com.payonegateway.payone.v1.UpdateReminderRequest.class,
      responseType = com.payonegateway.payone.v1.UpdateReminderResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.payonegateway.payone.v1.UpdateReminderRequest,
      com.payonegateway.payone.v1.UpdateReminderResponse> getUpdateReminderMethod() {
    io.grpc.MethodDescriptor<com.payonegateway.payone.v1.UpdateReminderRequest, com.payonegateway.payone.v1.UpdateReminderResponse> getUpdateReminderMethod;
    if ((getUpdateReminderMethod = PayoneGatewayGrpc.getUpdateReminderMethod) == null) {
      synchronized (PayoneGatewayGrpc.class) {
        if ((getUpdateReminderMethod = PayoneGatewayGrpc.getUpdateReminderMethod) == null) {
          PayoneGatewayGrpc.getUpdateReminderMethod = getUpdateReminderMethod =
              io.grpc.MethodDescriptor.<com.payonegateway.payone.v1.UpdateReminderRequest, com.payonegateway.payone.v1.UpdateReminderResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateReminder"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.UpdateReminderRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.payonegateway.payone.v1.UpdateReminderResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PayoneGatewayMethodDescriptorSupplier("UpdateReminder"))
              .build();
        }
      }
    }
    return getUpdateReminderMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static PayoneGatewayStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PayoneGatewayStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PayoneGatewayStub>() {
        @java.lang.Override
        public PayoneGatewayStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PayoneGatewayStub(channel, callOptions);
        }
      };
    return PayoneGatewayStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static PayoneGatewayBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PayoneGatewayBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PayoneGatewayBlockingV2Stub>() {
        @java.lang.Override
        public PayoneGatewayBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PayoneGatewayBlockingV2Stub(channel, callOptions);
        }
      };
    return PayoneGatewayBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static PayoneGatewayBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PayoneGatewayBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PayoneGatewayBlockingStub>() {
        @java.lang.Override
        public PayoneGatewayBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PayoneGatewayBlockingStub(channel, callOptions);
        }
      };
    return PayoneGatewayBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static PayoneGatewayFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PayoneGatewayFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PayoneGatewayFutureStub>() {
        @java.lang.Override
        public PayoneGatewayFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PayoneGatewayFutureStub(channel, callOptions);
        }
      };
    return PayoneGatewayFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * The PAYONE Server API (https://api.pay1.de/post-gateway/) as a gRPC
   * service. Request and response messages are named after PAYONE's request
   * types (request=preauthorization -&gt; PreauthorizationRequest).
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * request=preauthorization: reserves the amount and opens a payment process
     * (txid) for any clearing type; capture books it later. Answers APPROVED,
     * REDIRECT (send the customer to redirecturl), PENDING or ERROR.
     * </pre>
     */
    default void preauthorize(com.payonegateway.payone.v1.PreauthorizationRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.PreauthorizationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getPreauthorizeMethod(), responseObserver);
    }

    /**
     * <pre>
     * request=authorization: reserves and books the amount at once (not for
     * prepayment). Answers APPROVED, REDIRECT, PENDING or ERROR.
     * </pre>
     */
    default void authorize(com.payonegateway.payone.v1.AuthorizationRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.AuthorizationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAuthorizeMethod(), responseObserver);
    }

    /**
     * <pre>
     * request=capture: books a preauthorization fully or partially (multi
     * partial capture with sequencenumber and capturemode); amount 0 releases
     * it. Answers APPROVED, PENDING or ERROR.
     * </pre>
     */
    default void capture(com.payonegateway.payone.v1.CaptureRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.CaptureResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCaptureMethod(), responseObserver);
    }

    /**
     * <pre>
     * request=debit: books a claim (positive amount) or a credit (negative
     * amount, e.g. a refund of items) on the transaction account, optionally
     * settling it. Answers APPROVED or ERROR.
     * </pre>
     */
    default void debit(com.payonegateway.payone.v1.DebitRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.DebitResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDebitMethod(), responseObserver);
    }

    /**
     * <pre>
     * request=refund: credits back a charged amount (negative amount) of a
     * settled payment process. Answers APPROVED or ERROR.
     * </pre>
     */
    default void refund(com.payonegateway.payone.v1.RefundRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.RefundResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRefundMethod(), responseObserver);
    }

    /**
     * <pre>
     * request=vauthorization: books an amount on a billing account (PAYONE
     * Business) that PAYONE settles periodically. Answers APPROVED or ERROR.
     * </pre>
     */
    default void vauthorize(com.payonegateway.payone.v1.VauthorizationRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.VauthorizationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getVauthorizeMethod(), responseObserver);
    }

    /**
     * <pre>
     * request=3dscheck: legacy 3-D Secure 1 enrolment check of a card.
     * Answers ENROLLED, VALID, INVALID or ERROR.
     * </pre>
     */
    default void threeDSCheck(com.payonegateway.payone.v1.ThreeDSCheckRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.ThreeDSCheckResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getThreeDSCheckMethod(), responseObserver);
    }

    /**
     * <pre>
     * request=creditcardcheck: checks card data and returns a pseudocardpan to
     * pay with. Answers VALID, INVALID or ERROR.
     * </pre>
     */
    default void creditCardCheck(com.payonegateway.payone.v1.CreditCardCheckRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.CreditCardCheckResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreditCardCheckMethod(), responseObserver);
    }

    /**
     * <pre>
     * request=bankaccountcheck: checks bank data (optionally against the POS
     * blacklist). Answers VALID, INVALID, BLOCKED or ERROR.
     * </pre>
     */
    default void bankAccountCheck(com.payonegateway.payone.v1.BankAccountCheckRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.BankAccountCheckResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getBankAccountCheckMethod(), responseObserver);
    }

    /**
     * <pre>
     * request=addresscheck: verifies and corrects a postal address. Answers
     * VALID, INVALID or ERROR.
     * </pre>
     */
    default void addressCheck(com.payonegateway.payone.v1.AddressCheckRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.AddressCheckResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAddressCheckMethod(), responseObserver);
    }

    /**
     * <pre>
     * request=consumerscore: credit rating of a consumer. Answers VALID,
     * INVALID or ERROR.
     * </pre>
     */
    default void consumerScore(com.payonegateway.payone.v1.ConsumerScoreRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.ConsumerScoreResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getConsumerScoreMethod(), responseObserver);
    }

    /**
     * <pre>
     * request=managemandate: creates or looks up a SEPA direct debit mandate
     * before the payment. Answers APPROVED or ERROR.
     * </pre>
     */
    default void manageMandate(com.payonegateway.payone.v1.ManageMandateRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.ManageMandateResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getManageMandateMethod(), responseObserver);
    }

    /**
     * <pre>
     * request=getfile: downloads a SEPA mandate as PDF.
     * </pre>
     */
    default void getFile(com.payonegateway.payone.v1.GetFileRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.GetFileResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetFileMethod(), responseObserver);
    }

    /**
     * <pre>
     * request=getinvoice: downloads an invoice or credit note as PDF.
     * </pre>
     */
    default void getInvoice(com.payonegateway.payone.v1.GetInvoiceRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.GetInvoiceResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetInvoiceMethod(), responseObserver);
    }

    /**
     * <pre>
     * request=genericpayment: provider side calls (PayPal Express, Amazon Pay,
     * Klarna and Ratepay sessions, PAYONE Secured Installment options, ...)
     * selected by add_paydata[action]. Answers OK, REDIRECT, APPROVED or ERROR.
     * </pre>
     */
    default void genericPayment(com.payonegateway.payone.v1.GenericPaymentRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.GenericPaymentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGenericPaymentMethod(), responseObserver);
    }

    /**
     * <pre>
     * request=updateuser: updates a debtor's master and payment data. Answers
     * OK or ERROR.
     * </pre>
     */
    default void updateUser(com.payonegateway.payone.v1.UpdateUserRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.UpdateUserResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateUserMethod(), responseObserver);
    }

    /**
     * <pre>
     * request=getuser with getusertoken=yes: a 15-minute usertoken for a
     * debtor (userid or customerid) that a (pre)authorization takes as
     * personal_data.usertoken. Answers APPROVED or ERROR.
     * </pre>
     */
    default void getUser(com.payonegateway.payone.v1.GetUserRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.GetUserResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetUserMethod(), responseObserver);
    }

    /**
     * <pre>
     * request=createaccess: creates a subscription contract (cc, elv or rec).
     * Answers APPROVED with txid, userid and accessid, or ERROR.
     * </pre>
     */
    default void createAccess(com.payonegateway.payone.v1.CreateAccessRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.CreateAccessResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateAccessMethod(), responseObserver);
    }

    /**
     * <pre>
     * request=updateaccess: changes, cancels, reverses a cancellation of, locks
     * or unlocks a subscription contract. Answers OK or ERROR.
     * </pre>
     */
    default void updateAccess(com.payonegateway.payone.v1.UpdateAccessRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.UpdateAccessResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateAccessMethod(), responseObserver);
    }

    /**
     * <pre>
     * request=updatereminder: changes the dunning level of a payment process
     * (Collect module). Answers OK or ERROR.
     * </pre>
     */
    default void updateReminder(com.payonegateway.payone.v1.UpdateReminderRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.UpdateReminderResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateReminderMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service PayoneGateway.
   * <pre>
   * The PAYONE Server API (https://api.pay1.de/post-gateway/) as a gRPC
   * service. Request and response messages are named after PAYONE's request
   * types (request=preauthorization -&gt; PreauthorizationRequest).
   * </pre>
   */
  public static abstract class PayoneGatewayImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return PayoneGatewayGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service PayoneGateway.
   * <pre>
   * The PAYONE Server API (https://api.pay1.de/post-gateway/) as a gRPC
   * service. Request and response messages are named after PAYONE's request
   * types (request=preauthorization -&gt; PreauthorizationRequest).
   * </pre>
   */
  public static final class PayoneGatewayStub
      extends io.grpc.stub.AbstractAsyncStub<PayoneGatewayStub> {
    private PayoneGatewayStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PayoneGatewayStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PayoneGatewayStub(channel, callOptions);
    }

    /**
     * <pre>
     * request=preauthorization: reserves the amount and opens a payment process
     * (txid) for any clearing type; capture books it later. Answers APPROVED,
     * REDIRECT (send the customer to redirecturl), PENDING or ERROR.
     * </pre>
     */
    public void preauthorize(com.payonegateway.payone.v1.PreauthorizationRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.PreauthorizationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getPreauthorizeMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * request=authorization: reserves and books the amount at once (not for
     * prepayment). Answers APPROVED, REDIRECT, PENDING or ERROR.
     * </pre>
     */
    public void authorize(com.payonegateway.payone.v1.AuthorizationRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.AuthorizationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAuthorizeMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * request=capture: books a preauthorization fully or partially (multi
     * partial capture with sequencenumber and capturemode); amount 0 releases
     * it. Answers APPROVED, PENDING or ERROR.
     * </pre>
     */
    public void capture(com.payonegateway.payone.v1.CaptureRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.CaptureResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCaptureMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * request=debit: books a claim (positive amount) or a credit (negative
     * amount, e.g. a refund of items) on the transaction account, optionally
     * settling it. Answers APPROVED or ERROR.
     * </pre>
     */
    public void debit(com.payonegateway.payone.v1.DebitRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.DebitResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDebitMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * request=refund: credits back a charged amount (negative amount) of a
     * settled payment process. Answers APPROVED or ERROR.
     * </pre>
     */
    public void refund(com.payonegateway.payone.v1.RefundRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.RefundResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRefundMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * request=vauthorization: books an amount on a billing account (PAYONE
     * Business) that PAYONE settles periodically. Answers APPROVED or ERROR.
     * </pre>
     */
    public void vauthorize(com.payonegateway.payone.v1.VauthorizationRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.VauthorizationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getVauthorizeMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * request=3dscheck: legacy 3-D Secure 1 enrolment check of a card.
     * Answers ENROLLED, VALID, INVALID or ERROR.
     * </pre>
     */
    public void threeDSCheck(com.payonegateway.payone.v1.ThreeDSCheckRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.ThreeDSCheckResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getThreeDSCheckMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * request=creditcardcheck: checks card data and returns a pseudocardpan to
     * pay with. Answers VALID, INVALID or ERROR.
     * </pre>
     */
    public void creditCardCheck(com.payonegateway.payone.v1.CreditCardCheckRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.CreditCardCheckResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreditCardCheckMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * request=bankaccountcheck: checks bank data (optionally against the POS
     * blacklist). Answers VALID, INVALID, BLOCKED or ERROR.
     * </pre>
     */
    public void bankAccountCheck(com.payonegateway.payone.v1.BankAccountCheckRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.BankAccountCheckResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getBankAccountCheckMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * request=addresscheck: verifies and corrects a postal address. Answers
     * VALID, INVALID or ERROR.
     * </pre>
     */
    public void addressCheck(com.payonegateway.payone.v1.AddressCheckRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.AddressCheckResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAddressCheckMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * request=consumerscore: credit rating of a consumer. Answers VALID,
     * INVALID or ERROR.
     * </pre>
     */
    public void consumerScore(com.payonegateway.payone.v1.ConsumerScoreRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.ConsumerScoreResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getConsumerScoreMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * request=managemandate: creates or looks up a SEPA direct debit mandate
     * before the payment. Answers APPROVED or ERROR.
     * </pre>
     */
    public void manageMandate(com.payonegateway.payone.v1.ManageMandateRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.ManageMandateResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getManageMandateMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * request=getfile: downloads a SEPA mandate as PDF.
     * </pre>
     */
    public void getFile(com.payonegateway.payone.v1.GetFileRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.GetFileResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetFileMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * request=getinvoice: downloads an invoice or credit note as PDF.
     * </pre>
     */
    public void getInvoice(com.payonegateway.payone.v1.GetInvoiceRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.GetInvoiceResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetInvoiceMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * request=genericpayment: provider side calls (PayPal Express, Amazon Pay,
     * Klarna and Ratepay sessions, PAYONE Secured Installment options, ...)
     * selected by add_paydata[action]. Answers OK, REDIRECT, APPROVED or ERROR.
     * </pre>
     */
    public void genericPayment(com.payonegateway.payone.v1.GenericPaymentRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.GenericPaymentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGenericPaymentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * request=updateuser: updates a debtor's master and payment data. Answers
     * OK or ERROR.
     * </pre>
     */
    public void updateUser(com.payonegateway.payone.v1.UpdateUserRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.UpdateUserResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateUserMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * request=getuser with getusertoken=yes: a 15-minute usertoken for a
     * debtor (userid or customerid) that a (pre)authorization takes as
     * personal_data.usertoken. Answers APPROVED or ERROR.
     * </pre>
     */
    public void getUser(com.payonegateway.payone.v1.GetUserRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.GetUserResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetUserMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * request=createaccess: creates a subscription contract (cc, elv or rec).
     * Answers APPROVED with txid, userid and accessid, or ERROR.
     * </pre>
     */
    public void createAccess(com.payonegateway.payone.v1.CreateAccessRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.CreateAccessResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateAccessMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * request=updateaccess: changes, cancels, reverses a cancellation of, locks
     * or unlocks a subscription contract. Answers OK or ERROR.
     * </pre>
     */
    public void updateAccess(com.payonegateway.payone.v1.UpdateAccessRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.UpdateAccessResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateAccessMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * request=updatereminder: changes the dunning level of a payment process
     * (Collect module). Answers OK or ERROR.
     * </pre>
     */
    public void updateReminder(com.payonegateway.payone.v1.UpdateReminderRequest request,
        io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.UpdateReminderResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateReminderMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service PayoneGateway.
   * <pre>
   * The PAYONE Server API (https://api.pay1.de/post-gateway/) as a gRPC
   * service. Request and response messages are named after PAYONE's request
   * types (request=preauthorization -&gt; PreauthorizationRequest).
   * </pre>
   */
  public static final class PayoneGatewayBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<PayoneGatewayBlockingV2Stub> {
    private PayoneGatewayBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PayoneGatewayBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PayoneGatewayBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * request=preauthorization: reserves the amount and opens a payment process
     * (txid) for any clearing type; capture books it later. Answers APPROVED,
     * REDIRECT (send the customer to redirecturl), PENDING or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.PreauthorizationResponse preauthorize(com.payonegateway.payone.v1.PreauthorizationRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getPreauthorizeMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=authorization: reserves and books the amount at once (not for
     * prepayment). Answers APPROVED, REDIRECT, PENDING or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.AuthorizationResponse authorize(com.payonegateway.payone.v1.AuthorizationRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getAuthorizeMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=capture: books a preauthorization fully or partially (multi
     * partial capture with sequencenumber and capturemode); amount 0 releases
     * it. Answers APPROVED, PENDING or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.CaptureResponse capture(com.payonegateway.payone.v1.CaptureRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCaptureMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=debit: books a claim (positive amount) or a credit (negative
     * amount, e.g. a refund of items) on the transaction account, optionally
     * settling it. Answers APPROVED or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.DebitResponse debit(com.payonegateway.payone.v1.DebitRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDebitMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=refund: credits back a charged amount (negative amount) of a
     * settled payment process. Answers APPROVED or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.RefundResponse refund(com.payonegateway.payone.v1.RefundRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRefundMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=vauthorization: books an amount on a billing account (PAYONE
     * Business) that PAYONE settles periodically. Answers APPROVED or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.VauthorizationResponse vauthorize(com.payonegateway.payone.v1.VauthorizationRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getVauthorizeMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=3dscheck: legacy 3-D Secure 1 enrolment check of a card.
     * Answers ENROLLED, VALID, INVALID or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.ThreeDSCheckResponse threeDSCheck(com.payonegateway.payone.v1.ThreeDSCheckRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getThreeDSCheckMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=creditcardcheck: checks card data and returns a pseudocardpan to
     * pay with. Answers VALID, INVALID or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.CreditCardCheckResponse creditCardCheck(com.payonegateway.payone.v1.CreditCardCheckRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreditCardCheckMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=bankaccountcheck: checks bank data (optionally against the POS
     * blacklist). Answers VALID, INVALID, BLOCKED or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.BankAccountCheckResponse bankAccountCheck(com.payonegateway.payone.v1.BankAccountCheckRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getBankAccountCheckMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=addresscheck: verifies and corrects a postal address. Answers
     * VALID, INVALID or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.AddressCheckResponse addressCheck(com.payonegateway.payone.v1.AddressCheckRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getAddressCheckMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=consumerscore: credit rating of a consumer. Answers VALID,
     * INVALID or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.ConsumerScoreResponse consumerScore(com.payonegateway.payone.v1.ConsumerScoreRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getConsumerScoreMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=managemandate: creates or looks up a SEPA direct debit mandate
     * before the payment. Answers APPROVED or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.ManageMandateResponse manageMandate(com.payonegateway.payone.v1.ManageMandateRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getManageMandateMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=getfile: downloads a SEPA mandate as PDF.
     * </pre>
     */
    public com.payonegateway.payone.v1.GetFileResponse getFile(com.payonegateway.payone.v1.GetFileRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetFileMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=getinvoice: downloads an invoice or credit note as PDF.
     * </pre>
     */
    public com.payonegateway.payone.v1.GetInvoiceResponse getInvoice(com.payonegateway.payone.v1.GetInvoiceRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetInvoiceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=genericpayment: provider side calls (PayPal Express, Amazon Pay,
     * Klarna and Ratepay sessions, PAYONE Secured Installment options, ...)
     * selected by add_paydata[action]. Answers OK, REDIRECT, APPROVED or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.GenericPaymentResponse genericPayment(com.payonegateway.payone.v1.GenericPaymentRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGenericPaymentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=updateuser: updates a debtor's master and payment data. Answers
     * OK or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.UpdateUserResponse updateUser(com.payonegateway.payone.v1.UpdateUserRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateUserMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=getuser with getusertoken=yes: a 15-minute usertoken for a
     * debtor (userid or customerid) that a (pre)authorization takes as
     * personal_data.usertoken. Answers APPROVED or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.GetUserResponse getUser(com.payonegateway.payone.v1.GetUserRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetUserMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=createaccess: creates a subscription contract (cc, elv or rec).
     * Answers APPROVED with txid, userid and accessid, or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.CreateAccessResponse createAccess(com.payonegateway.payone.v1.CreateAccessRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateAccessMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=updateaccess: changes, cancels, reverses a cancellation of, locks
     * or unlocks a subscription contract. Answers OK or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.UpdateAccessResponse updateAccess(com.payonegateway.payone.v1.UpdateAccessRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateAccessMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=updatereminder: changes the dunning level of a payment process
     * (Collect module). Answers OK or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.UpdateReminderResponse updateReminder(com.payonegateway.payone.v1.UpdateReminderRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateReminderMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service PayoneGateway.
   * <pre>
   * The PAYONE Server API (https://api.pay1.de/post-gateway/) as a gRPC
   * service. Request and response messages are named after PAYONE's request
   * types (request=preauthorization -&gt; PreauthorizationRequest).
   * </pre>
   */
  public static final class PayoneGatewayBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<PayoneGatewayBlockingStub> {
    private PayoneGatewayBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PayoneGatewayBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PayoneGatewayBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * request=preauthorization: reserves the amount and opens a payment process
     * (txid) for any clearing type; capture books it later. Answers APPROVED,
     * REDIRECT (send the customer to redirecturl), PENDING or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.PreauthorizationResponse preauthorize(com.payonegateway.payone.v1.PreauthorizationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getPreauthorizeMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=authorization: reserves and books the amount at once (not for
     * prepayment). Answers APPROVED, REDIRECT, PENDING or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.AuthorizationResponse authorize(com.payonegateway.payone.v1.AuthorizationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAuthorizeMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=capture: books a preauthorization fully or partially (multi
     * partial capture with sequencenumber and capturemode); amount 0 releases
     * it. Answers APPROVED, PENDING or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.CaptureResponse capture(com.payonegateway.payone.v1.CaptureRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCaptureMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=debit: books a claim (positive amount) or a credit (negative
     * amount, e.g. a refund of items) on the transaction account, optionally
     * settling it. Answers APPROVED or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.DebitResponse debit(com.payonegateway.payone.v1.DebitRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDebitMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=refund: credits back a charged amount (negative amount) of a
     * settled payment process. Answers APPROVED or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.RefundResponse refund(com.payonegateway.payone.v1.RefundRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRefundMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=vauthorization: books an amount on a billing account (PAYONE
     * Business) that PAYONE settles periodically. Answers APPROVED or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.VauthorizationResponse vauthorize(com.payonegateway.payone.v1.VauthorizationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getVauthorizeMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=3dscheck: legacy 3-D Secure 1 enrolment check of a card.
     * Answers ENROLLED, VALID, INVALID or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.ThreeDSCheckResponse threeDSCheck(com.payonegateway.payone.v1.ThreeDSCheckRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getThreeDSCheckMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=creditcardcheck: checks card data and returns a pseudocardpan to
     * pay with. Answers VALID, INVALID or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.CreditCardCheckResponse creditCardCheck(com.payonegateway.payone.v1.CreditCardCheckRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreditCardCheckMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=bankaccountcheck: checks bank data (optionally against the POS
     * blacklist). Answers VALID, INVALID, BLOCKED or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.BankAccountCheckResponse bankAccountCheck(com.payonegateway.payone.v1.BankAccountCheckRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getBankAccountCheckMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=addresscheck: verifies and corrects a postal address. Answers
     * VALID, INVALID or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.AddressCheckResponse addressCheck(com.payonegateway.payone.v1.AddressCheckRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAddressCheckMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=consumerscore: credit rating of a consumer. Answers VALID,
     * INVALID or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.ConsumerScoreResponse consumerScore(com.payonegateway.payone.v1.ConsumerScoreRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getConsumerScoreMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=managemandate: creates or looks up a SEPA direct debit mandate
     * before the payment. Answers APPROVED or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.ManageMandateResponse manageMandate(com.payonegateway.payone.v1.ManageMandateRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getManageMandateMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=getfile: downloads a SEPA mandate as PDF.
     * </pre>
     */
    public com.payonegateway.payone.v1.GetFileResponse getFile(com.payonegateway.payone.v1.GetFileRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetFileMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=getinvoice: downloads an invoice or credit note as PDF.
     * </pre>
     */
    public com.payonegateway.payone.v1.GetInvoiceResponse getInvoice(com.payonegateway.payone.v1.GetInvoiceRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetInvoiceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=genericpayment: provider side calls (PayPal Express, Amazon Pay,
     * Klarna and Ratepay sessions, PAYONE Secured Installment options, ...)
     * selected by add_paydata[action]. Answers OK, REDIRECT, APPROVED or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.GenericPaymentResponse genericPayment(com.payonegateway.payone.v1.GenericPaymentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGenericPaymentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=updateuser: updates a debtor's master and payment data. Answers
     * OK or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.UpdateUserResponse updateUser(com.payonegateway.payone.v1.UpdateUserRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateUserMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=getuser with getusertoken=yes: a 15-minute usertoken for a
     * debtor (userid or customerid) that a (pre)authorization takes as
     * personal_data.usertoken. Answers APPROVED or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.GetUserResponse getUser(com.payonegateway.payone.v1.GetUserRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetUserMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=createaccess: creates a subscription contract (cc, elv or rec).
     * Answers APPROVED with txid, userid and accessid, or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.CreateAccessResponse createAccess(com.payonegateway.payone.v1.CreateAccessRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateAccessMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=updateaccess: changes, cancels, reverses a cancellation of, locks
     * or unlocks a subscription contract. Answers OK or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.UpdateAccessResponse updateAccess(com.payonegateway.payone.v1.UpdateAccessRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateAccessMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * request=updatereminder: changes the dunning level of a payment process
     * (Collect module). Answers OK or ERROR.
     * </pre>
     */
    public com.payonegateway.payone.v1.UpdateReminderResponse updateReminder(com.payonegateway.payone.v1.UpdateReminderRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateReminderMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service PayoneGateway.
   * <pre>
   * The PAYONE Server API (https://api.pay1.de/post-gateway/) as a gRPC
   * service. Request and response messages are named after PAYONE's request
   * types (request=preauthorization -&gt; PreauthorizationRequest).
   * </pre>
   */
  public static final class PayoneGatewayFutureStub
      extends io.grpc.stub.AbstractFutureStub<PayoneGatewayFutureStub> {
    private PayoneGatewayFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PayoneGatewayFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PayoneGatewayFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * request=preauthorization: reserves the amount and opens a payment process
     * (txid) for any clearing type; capture books it later. Answers APPROVED,
     * REDIRECT (send the customer to redirecturl), PENDING or ERROR.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.PreauthorizationResponse> preauthorize(
        com.payonegateway.payone.v1.PreauthorizationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getPreauthorizeMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * request=authorization: reserves and books the amount at once (not for
     * prepayment). Answers APPROVED, REDIRECT, PENDING or ERROR.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.AuthorizationResponse> authorize(
        com.payonegateway.payone.v1.AuthorizationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAuthorizeMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * request=capture: books a preauthorization fully or partially (multi
     * partial capture with sequencenumber and capturemode); amount 0 releases
     * it. Answers APPROVED, PENDING or ERROR.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.CaptureResponse> capture(
        com.payonegateway.payone.v1.CaptureRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCaptureMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * request=debit: books a claim (positive amount) or a credit (negative
     * amount, e.g. a refund of items) on the transaction account, optionally
     * settling it. Answers APPROVED or ERROR.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.DebitResponse> debit(
        com.payonegateway.payone.v1.DebitRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDebitMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * request=refund: credits back a charged amount (negative amount) of a
     * settled payment process. Answers APPROVED or ERROR.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.RefundResponse> refund(
        com.payonegateway.payone.v1.RefundRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRefundMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * request=vauthorization: books an amount on a billing account (PAYONE
     * Business) that PAYONE settles periodically. Answers APPROVED or ERROR.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.VauthorizationResponse> vauthorize(
        com.payonegateway.payone.v1.VauthorizationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getVauthorizeMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * request=3dscheck: legacy 3-D Secure 1 enrolment check of a card.
     * Answers ENROLLED, VALID, INVALID or ERROR.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.ThreeDSCheckResponse> threeDSCheck(
        com.payonegateway.payone.v1.ThreeDSCheckRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getThreeDSCheckMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * request=creditcardcheck: checks card data and returns a pseudocardpan to
     * pay with. Answers VALID, INVALID or ERROR.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.CreditCardCheckResponse> creditCardCheck(
        com.payonegateway.payone.v1.CreditCardCheckRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreditCardCheckMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * request=bankaccountcheck: checks bank data (optionally against the POS
     * blacklist). Answers VALID, INVALID, BLOCKED or ERROR.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.BankAccountCheckResponse> bankAccountCheck(
        com.payonegateway.payone.v1.BankAccountCheckRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getBankAccountCheckMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * request=addresscheck: verifies and corrects a postal address. Answers
     * VALID, INVALID or ERROR.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.AddressCheckResponse> addressCheck(
        com.payonegateway.payone.v1.AddressCheckRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAddressCheckMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * request=consumerscore: credit rating of a consumer. Answers VALID,
     * INVALID or ERROR.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.ConsumerScoreResponse> consumerScore(
        com.payonegateway.payone.v1.ConsumerScoreRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getConsumerScoreMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * request=managemandate: creates or looks up a SEPA direct debit mandate
     * before the payment. Answers APPROVED or ERROR.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.ManageMandateResponse> manageMandate(
        com.payonegateway.payone.v1.ManageMandateRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getManageMandateMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * request=getfile: downloads a SEPA mandate as PDF.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.GetFileResponse> getFile(
        com.payonegateway.payone.v1.GetFileRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetFileMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * request=getinvoice: downloads an invoice or credit note as PDF.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.GetInvoiceResponse> getInvoice(
        com.payonegateway.payone.v1.GetInvoiceRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetInvoiceMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * request=genericpayment: provider side calls (PayPal Express, Amazon Pay,
     * Klarna and Ratepay sessions, PAYONE Secured Installment options, ...)
     * selected by add_paydata[action]. Answers OK, REDIRECT, APPROVED or ERROR.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.GenericPaymentResponse> genericPayment(
        com.payonegateway.payone.v1.GenericPaymentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGenericPaymentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * request=updateuser: updates a debtor's master and payment data. Answers
     * OK or ERROR.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.UpdateUserResponse> updateUser(
        com.payonegateway.payone.v1.UpdateUserRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateUserMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * request=getuser with getusertoken=yes: a 15-minute usertoken for a
     * debtor (userid or customerid) that a (pre)authorization takes as
     * personal_data.usertoken. Answers APPROVED or ERROR.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.GetUserResponse> getUser(
        com.payonegateway.payone.v1.GetUserRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetUserMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * request=createaccess: creates a subscription contract (cc, elv or rec).
     * Answers APPROVED with txid, userid and accessid, or ERROR.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.CreateAccessResponse> createAccess(
        com.payonegateway.payone.v1.CreateAccessRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateAccessMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * request=updateaccess: changes, cancels, reverses a cancellation of, locks
     * or unlocks a subscription contract. Answers OK or ERROR.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.UpdateAccessResponse> updateAccess(
        com.payonegateway.payone.v1.UpdateAccessRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateAccessMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * request=updatereminder: changes the dunning level of a payment process
     * (Collect module). Answers OK or ERROR.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.payonegateway.payone.v1.UpdateReminderResponse> updateReminder(
        com.payonegateway.payone.v1.UpdateReminderRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateReminderMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_PREAUTHORIZE = 0;
  private static final int METHODID_AUTHORIZE = 1;
  private static final int METHODID_CAPTURE = 2;
  private static final int METHODID_DEBIT = 3;
  private static final int METHODID_REFUND = 4;
  private static final int METHODID_VAUTHORIZE = 5;
  private static final int METHODID_THREE_DSCHECK = 6;
  private static final int METHODID_CREDIT_CARD_CHECK = 7;
  private static final int METHODID_BANK_ACCOUNT_CHECK = 8;
  private static final int METHODID_ADDRESS_CHECK = 9;
  private static final int METHODID_CONSUMER_SCORE = 10;
  private static final int METHODID_MANAGE_MANDATE = 11;
  private static final int METHODID_GET_FILE = 12;
  private static final int METHODID_GET_INVOICE = 13;
  private static final int METHODID_GENERIC_PAYMENT = 14;
  private static final int METHODID_UPDATE_USER = 15;
  private static final int METHODID_GET_USER = 16;
  private static final int METHODID_CREATE_ACCESS = 17;
  private static final int METHODID_UPDATE_ACCESS = 18;
  private static final int METHODID_UPDATE_REMINDER = 19;

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
        case METHODID_PREAUTHORIZE:
          serviceImpl.preauthorize((com.payonegateway.payone.v1.PreauthorizationRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.PreauthorizationResponse>) responseObserver);
          break;
        case METHODID_AUTHORIZE:
          serviceImpl.authorize((com.payonegateway.payone.v1.AuthorizationRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.AuthorizationResponse>) responseObserver);
          break;
        case METHODID_CAPTURE:
          serviceImpl.capture((com.payonegateway.payone.v1.CaptureRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.CaptureResponse>) responseObserver);
          break;
        case METHODID_DEBIT:
          serviceImpl.debit((com.payonegateway.payone.v1.DebitRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.DebitResponse>) responseObserver);
          break;
        case METHODID_REFUND:
          serviceImpl.refund((com.payonegateway.payone.v1.RefundRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.RefundResponse>) responseObserver);
          break;
        case METHODID_VAUTHORIZE:
          serviceImpl.vauthorize((com.payonegateway.payone.v1.VauthorizationRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.VauthorizationResponse>) responseObserver);
          break;
        case METHODID_THREE_DSCHECK:
          serviceImpl.threeDSCheck((com.payonegateway.payone.v1.ThreeDSCheckRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.ThreeDSCheckResponse>) responseObserver);
          break;
        case METHODID_CREDIT_CARD_CHECK:
          serviceImpl.creditCardCheck((com.payonegateway.payone.v1.CreditCardCheckRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.CreditCardCheckResponse>) responseObserver);
          break;
        case METHODID_BANK_ACCOUNT_CHECK:
          serviceImpl.bankAccountCheck((com.payonegateway.payone.v1.BankAccountCheckRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.BankAccountCheckResponse>) responseObserver);
          break;
        case METHODID_ADDRESS_CHECK:
          serviceImpl.addressCheck((com.payonegateway.payone.v1.AddressCheckRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.AddressCheckResponse>) responseObserver);
          break;
        case METHODID_CONSUMER_SCORE:
          serviceImpl.consumerScore((com.payonegateway.payone.v1.ConsumerScoreRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.ConsumerScoreResponse>) responseObserver);
          break;
        case METHODID_MANAGE_MANDATE:
          serviceImpl.manageMandate((com.payonegateway.payone.v1.ManageMandateRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.ManageMandateResponse>) responseObserver);
          break;
        case METHODID_GET_FILE:
          serviceImpl.getFile((com.payonegateway.payone.v1.GetFileRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.GetFileResponse>) responseObserver);
          break;
        case METHODID_GET_INVOICE:
          serviceImpl.getInvoice((com.payonegateway.payone.v1.GetInvoiceRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.GetInvoiceResponse>) responseObserver);
          break;
        case METHODID_GENERIC_PAYMENT:
          serviceImpl.genericPayment((com.payonegateway.payone.v1.GenericPaymentRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.GenericPaymentResponse>) responseObserver);
          break;
        case METHODID_UPDATE_USER:
          serviceImpl.updateUser((com.payonegateway.payone.v1.UpdateUserRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.UpdateUserResponse>) responseObserver);
          break;
        case METHODID_GET_USER:
          serviceImpl.getUser((com.payonegateway.payone.v1.GetUserRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.GetUserResponse>) responseObserver);
          break;
        case METHODID_CREATE_ACCESS:
          serviceImpl.createAccess((com.payonegateway.payone.v1.CreateAccessRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.CreateAccessResponse>) responseObserver);
          break;
        case METHODID_UPDATE_ACCESS:
          serviceImpl.updateAccess((com.payonegateway.payone.v1.UpdateAccessRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.UpdateAccessResponse>) responseObserver);
          break;
        case METHODID_UPDATE_REMINDER:
          serviceImpl.updateReminder((com.payonegateway.payone.v1.UpdateReminderRequest) request,
              (io.grpc.stub.StreamObserver<com.payonegateway.payone.v1.UpdateReminderResponse>) responseObserver);
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
          getPreauthorizeMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.PreauthorizationRequest,
              com.payonegateway.payone.v1.PreauthorizationResponse>(
                service, METHODID_PREAUTHORIZE)))
        .addMethod(
          getAuthorizeMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.AuthorizationRequest,
              com.payonegateway.payone.v1.AuthorizationResponse>(
                service, METHODID_AUTHORIZE)))
        .addMethod(
          getCaptureMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.CaptureRequest,
              com.payonegateway.payone.v1.CaptureResponse>(
                service, METHODID_CAPTURE)))
        .addMethod(
          getDebitMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.DebitRequest,
              com.payonegateway.payone.v1.DebitResponse>(
                service, METHODID_DEBIT)))
        .addMethod(
          getRefundMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.RefundRequest,
              com.payonegateway.payone.v1.RefundResponse>(
                service, METHODID_REFUND)))
        .addMethod(
          getVauthorizeMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.VauthorizationRequest,
              com.payonegateway.payone.v1.VauthorizationResponse>(
                service, METHODID_VAUTHORIZE)))
        .addMethod(
          getThreeDSCheckMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.ThreeDSCheckRequest,
              com.payonegateway.payone.v1.ThreeDSCheckResponse>(
                service, METHODID_THREE_DSCHECK)))
        .addMethod(
          getCreditCardCheckMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.CreditCardCheckRequest,
              com.payonegateway.payone.v1.CreditCardCheckResponse>(
                service, METHODID_CREDIT_CARD_CHECK)))
        .addMethod(
          getBankAccountCheckMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.BankAccountCheckRequest,
              com.payonegateway.payone.v1.BankAccountCheckResponse>(
                service, METHODID_BANK_ACCOUNT_CHECK)))
        .addMethod(
          getAddressCheckMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.AddressCheckRequest,
              com.payonegateway.payone.v1.AddressCheckResponse>(
                service, METHODID_ADDRESS_CHECK)))
        .addMethod(
          getConsumerScoreMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.ConsumerScoreRequest,
              com.payonegateway.payone.v1.ConsumerScoreResponse>(
                service, METHODID_CONSUMER_SCORE)))
        .addMethod(
          getManageMandateMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.ManageMandateRequest,
              com.payonegateway.payone.v1.ManageMandateResponse>(
                service, METHODID_MANAGE_MANDATE)))
        .addMethod(
          getGetFileMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.GetFileRequest,
              com.payonegateway.payone.v1.GetFileResponse>(
                service, METHODID_GET_FILE)))
        .addMethod(
          getGetInvoiceMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.GetInvoiceRequest,
              com.payonegateway.payone.v1.GetInvoiceResponse>(
                service, METHODID_GET_INVOICE)))
        .addMethod(
          getGenericPaymentMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.GenericPaymentRequest,
              com.payonegateway.payone.v1.GenericPaymentResponse>(
                service, METHODID_GENERIC_PAYMENT)))
        .addMethod(
          getUpdateUserMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.UpdateUserRequest,
              com.payonegateway.payone.v1.UpdateUserResponse>(
                service, METHODID_UPDATE_USER)))
        .addMethod(
          getGetUserMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.GetUserRequest,
              com.payonegateway.payone.v1.GetUserResponse>(
                service, METHODID_GET_USER)))
        .addMethod(
          getCreateAccessMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.CreateAccessRequest,
              com.payonegateway.payone.v1.CreateAccessResponse>(
                service, METHODID_CREATE_ACCESS)))
        .addMethod(
          getUpdateAccessMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.UpdateAccessRequest,
              com.payonegateway.payone.v1.UpdateAccessResponse>(
                service, METHODID_UPDATE_ACCESS)))
        .addMethod(
          getUpdateReminderMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.payonegateway.payone.v1.UpdateReminderRequest,
              com.payonegateway.payone.v1.UpdateReminderResponse>(
                service, METHODID_UPDATE_REMINDER)))
        .build();
  }

  private static abstract class PayoneGatewayBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    PayoneGatewayBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.payonegateway.payone.v1.GatewayProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("PayoneGateway");
    }
  }

  private static final class PayoneGatewayFileDescriptorSupplier
      extends PayoneGatewayBaseDescriptorSupplier {
    PayoneGatewayFileDescriptorSupplier() {}
  }

  private static final class PayoneGatewayMethodDescriptorSupplier
      extends PayoneGatewayBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    PayoneGatewayMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (PayoneGatewayGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new PayoneGatewayFileDescriptorSupplier())
              .addMethod(getPreauthorizeMethod())
              .addMethod(getAuthorizeMethod())
              .addMethod(getCaptureMethod())
              .addMethod(getDebitMethod())
              .addMethod(getRefundMethod())
              .addMethod(getVauthorizeMethod())
              .addMethod(getThreeDSCheckMethod())
              .addMethod(getCreditCardCheckMethod())
              .addMethod(getBankAccountCheckMethod())
              .addMethod(getAddressCheckMethod())
              .addMethod(getConsumerScoreMethod())
              .addMethod(getManageMandateMethod())
              .addMethod(getGetFileMethod())
              .addMethod(getGetInvoiceMethod())
              .addMethod(getGenericPaymentMethod())
              .addMethod(getUpdateUserMethod())
              .addMethod(getGetUserMethod())
              .addMethod(getCreateAccessMethod())
              .addMethod(getUpdateAccessMethod())
              .addMethod(getUpdateReminderMethod())
              .build();
        }
      }
    }
    return result;
  }
}
