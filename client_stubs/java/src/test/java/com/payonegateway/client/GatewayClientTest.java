package com.payonegateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.payonegateway.payone.v1.*;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The four client scenarios against a running gateway (see GatewayProcess). */
class GatewayClientTest {
  private static GatewayProcess gateway;
  private static ManagedChannel channel;
  private static PayoneGatewayGrpc.PayoneGatewayBlockingStub stub;

  @BeforeAll
  static void start() throws Exception {
    gateway = new GatewayProcess();
    channel = ManagedChannelBuilder.forTarget(gateway.address).usePlaintext().build();
    stub = PayoneGatewayGrpc.newBlockingStub(channel);
  }

  @AfterAll
  static void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    gateway.close();
  }

  private static PayoneGatewayGrpc.PayoneGatewayBlockingStub within(long millis) {
    return stub.withDeadlineAfter(millis, TimeUnit.MILLISECONDS);
  }

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
  }

  private static PreauthorizationRequest.Builder cardPreauthorization(String reference) {
    return PreauthorizationRequest.newBuilder()
        .setAccount("demo").setReference(reference).setAmount(10000).setCurrency("EUR")
        .setPersonalData(PersonalData.newBuilder().setLastname("Mustermann").setCountry("DE"))
        .setCreditCard(CreditCardPayment.newBuilder()
            .setCardpan("4111111111111111").setCardtype(CardType.CARD_TYPE_VISA)
            .setCardexpiredate("3012").setCardcvc2("123"));
  }

  @Test
  void preauthorizeCaptureTwiceRefundOneItem() {
    PreauthorizationResponse pre = within(20000).preauthorize(cardPreauthorization(unique("java-")).build());
    assertEquals(Status.STATUS_APPROVED, pre.getStatus(), pre.toString());
    assertFalse(pre.getTxid().isEmpty());

    CaptureResponse first = within(20000).capture(CaptureRequest.newBuilder()
        .setAccount("demo").setTxid(pre.getTxid()).setSequencenumber(1).setAmount(6000)
        .setCurrency("EUR").setCapturemode(CaptureMode.CAPTURE_MODE_NOTCOMPLETED).build());
    assertEquals(Status.STATUS_APPROVED, first.getStatus(), first.toString());
    CaptureResponse rest = within(20000).capture(CaptureRequest.newBuilder()
        .setAccount("demo").setTxid(pre.getTxid()).setSequencenumber(2).setAmount(4000)
        .setCurrency("EUR").setCapturemode(CaptureMode.CAPTURE_MODE_COMPLETED).build());
    assertEquals(Status.STATUS_APPROVED, rest.getStatus(), rest.toString());

    RefundResponse refund = within(20000).refund(RefundRequest.newBuilder()
        .setAccount("demo").setTxid(pre.getTxid()).setSequencenumber(3).setAmount(-2500)
        .setCurrency("EUR")
        .addItems(Article.newBuilder().setType(ItemType.ITEM_TYPE_GOODS).setId("SKU-1")
            .setPrice(2500).setQuantity(1).setDescription("Mug").setVatRate(19))
        .build());
    assertEquals(Status.STATUS_APPROVED, refund.getStatus(), refund.toString());
  }

  @Test
  void sepaDirectDebitWithMandate() {
    String iban = "DE02120300000000202051";
    ManageMandateResponse mandate = within(20000).manageMandate(ManageMandateRequest.newBuilder()
        .setAccount("demo").setCurrency("EUR").setIban(iban).setLastname("Mustermann")
        .setCountry("DE").build());
    assertEquals(Status.STATUS_APPROVED, mandate.getStatus(), mandate.toString());
    assertFalse(mandate.getMandateIdentification().isEmpty());

    AuthorizationResponse auth = within(20000).authorize(AuthorizationRequest.newBuilder()
        .setAccount("demo").setReference(unique("java-")).setAmount(1999).setCurrency("EUR")
        .setPersonalData(PersonalData.newBuilder().setLastname("Mustermann").setCountry("DE"))
        .setSepaDirectDebit(SepaDirectDebitPayment.newBuilder()
            .setIban(iban).setMandateIdentification(mandate.getMandateIdentification()))
        .build());
    assertEquals(Status.STATUS_APPROVED, auth.getStatus(), auth.toString());
    assertFalse(auth.getTxid().isEmpty());
    assertEquals(mandate.getMandateIdentification(), auth.getMandateIdentification());
  }

  @Test
  void threeInvalidFieldsComeBackAsBadRequest() throws Exception {
    PreauthorizationRequest.Builder request = cardPreauthorization("bad ref!").setCurrency("EURO");
    request.getCreditCardBuilder().setCardpan("4111111111111112");
    StatusRuntimeException error = assertThrows(StatusRuntimeException.class,
        () -> within(20000).preauthorize(request.build()));
    assertEquals(io.grpc.Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
    com.google.rpc.Status details = StatusProto.fromThrowable(error);
    Set<String> fields = new HashSet<>();
    for (Any detail : details.getDetailsList()) {
      if (detail.is(BadRequest.class)) {
        for (BadRequest.FieldViolation v : detail.unpack(BadRequest.class).getFieldViolationsList()) {
          fields.add(v.getField());
        }
      }
    }
    assertTrue(fields.containsAll(Set.of("reference", "currency", "credit_card.cardpan")), fields.toString());
  }

  @Test
  void deadlineShorterThanLatency() {
    long started = System.nanoTime();
    StatusRuntimeException error = assertThrows(StatusRuntimeException.class,
        () -> within(300).preauthorize(cardPreauthorization(unique("slow-")).build()));
    assertEquals(io.grpc.Status.Code.DEADLINE_EXCEEDED, error.getStatus().getCode());
    assertTrue(System.nanoTime() - started < 1_500_000_000L);
  }

  /** PCI DSS SAQ A: the browser's creditcardcheck with its hash; no card numbers for demo-saq. */
  @Test
  void prepareCreditCardCheckAndPseudoOnlyAccount() {
    PrepareCreditCardCheckResponse prepared = PayoneClientApiGrpc.newBlockingStub(channel)
        .withDeadlineAfter(20, TimeUnit.SECONDS)
        .prepareCreditCardCheck(
            PrepareCreditCardCheckRequest.newBuilder().setAccount("demo-saq").build());
    assertEquals("creditcardcheck", prepared.getRequest().getRequest());
    assertEquals("yes", prepared.getRequest().getStorecarddata());
    assertEquals(96, prepared.getRequest().getHash().length());
    assertTrue(prepared.getHostedIframeScriptUrl().endsWith("/js/v1/payone_hosted_min.js"));
    StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
        () -> within(20_000).preauthorize(
            cardPreauthorization(unique("java-")).setAccount("demo-saq").build()));
    assertEquals(io.grpc.Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
  }
}
