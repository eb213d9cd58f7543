package com.payonegateway.examples;

import com.payonegateway.client.GatewayClient;
import com.payonegateway.client.GatewayException;
import com.payonegateway.client.IdempotentOperation;
import com.payonegateway.payone.v1.*;

/**
 * Preauthorizes a test card through the gateway, then captures it, with the
 * client layer. Usage: FirstCall [host:port] [token]
 */
public final class FirstCall {
  public static void main(String[] args) throws Exception {
    String address = args.length > 0 ? args[0] : "127.0.0.1:50051";
    try (GatewayClient client = GatewayClient.newBuilder(address)
        .token(args.length > 1 ? args[1] : null).build()) {
      PreauthorizationRequest request = PreauthorizationRequest.newBuilder()
          .setAccount("demo")
          .setReference("ex-" + GatewayClient.newId().substring(0, 12))
          .setAmount(1000) // 10.00 EUR, in cents
          .setCurrency("EUR")
          .setPersonalData(PersonalData.newBuilder().setLastname("Mustermann").setCountry("DE"))
          .setCreditCard(CreditCardPayment.newBuilder()
              .setCardpan("4111111111111111").setCardtype(CardType.CARD_TYPE_VISA)
              .setCardexpiredate("3012").setCardcvc2("123"))
          .build();
      PreauthorizationResponse pre;
      try {
        // One idempotency key for this payment; a retry the gateway allows reuses it.
        pre = new IdempotentOperation(client).call(PayoneGatewayGrpc.getPreauthorizeMethod(), request);
      } catch (GatewayException e) {
        System.err.printf("%s (reason %s, retrySafe %s, request id %s)%n",
            e.getMessage(), e.reason(), e.retrySafe(), e.requestId());
        e.violations().forEach(v -> System.err.println("  " + v.field() + ": " + v.description()));
        System.exit(1);
        return;
      }
      System.out.println("preauthorization: " + pre.getStatus() + " txid=" + pre.getTxid());
      if (pre.getStatus() != Status.STATUS_APPROVED) {
        System.out.println("  " + pre.getErrorcode() + " " + pre.getErrormessage());
        System.exit(1);
      }
      // The ledger fills in the sequence number.
      CaptureResponse capture = new IdempotentOperation(client).call(PayoneGatewayGrpc.getCaptureMethod(),
          CaptureRequest.newBuilder().setAccount("demo").setTxid(pre.getTxid()).setAmount(1000)
              .setCurrency("EUR").build());
      System.out.println("capture: " + capture.getStatus());
      if (capture.getStatus() != Status.STATUS_APPROVED) System.exit(1);
    }
  }
}
