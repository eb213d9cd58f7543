package com.payonegateway.examples;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.payonegateway.payone.v1.*;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.concurrent.TimeUnit;

/** Preauthorizes a test card through the gateway, then captures it. Usage: FirstCall [host:port] */
public final class FirstCall {
  public static void main(String[] args) throws Exception {
    String address = args.length > 0 ? args[0] : "127.0.0.1:50051";
    ManagedChannel channel = ManagedChannelBuilder.forTarget(address).usePlaintext().build();
    try {
      PayoneGatewayGrpc.PayoneGatewayBlockingStub gateway =
          PayoneGatewayGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
      PreauthorizationRequest request = PreauthorizationRequest.newBuilder()
          .setAccount("demo")
          .setReference("ex-" + System.currentTimeMillis())
          .setAmount(1000) // 10.00 EUR, in cents
          .setCurrency("EUR")
          .setPersonalData(PersonalData.newBuilder().setLastname("Mustermann").setCountry("DE"))
          .setCreditCard(CreditCardPayment.newBuilder()
              .setCardpan("4111111111111111").setCardtype(CardType.CARD_TYPE_VISA)
              .setCardexpiredate("3012").setCardcvc2("123"))
          .build();
      PreauthorizationResponse pre;
      try {
        pre = gateway.preauthorize(request);
      } catch (StatusRuntimeException e) {
        System.err.println(e.getStatus());
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        for (Any detail : status == null ? java.util.List.<Any>of() : status.getDetailsList()) {
          if (detail.is(BadRequest.class)) {
            for (BadRequest.FieldViolation v : detail.unpack(BadRequest.class).getFieldViolationsList()) {
              System.err.println("  " + v.getField() + ": " + v.getDescription());
            }
          }
        }
        System.exit(1);
        return;
      }
      System.out.println("preauthorization: " + pre.getStatus() + " txid=" + pre.getTxid());
      if (pre.getStatus() != Status.STATUS_APPROVED) {
        System.out.println("  " + pre.getErrorcode() + " " + pre.getErrormessage());
        System.exit(1);
      }
      CaptureResponse capture = gateway.capture(CaptureRequest.newBuilder()
          .setAccount("demo").setTxid(pre.getTxid()).setSequencenumber(1)
          .setAmount(1000).setCurrency("EUR").build());
      System.out.println("capture: " + capture.getStatus());
      if (capture.getStatus() != Status.STATUS_APPROVED) System.exit(1);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
