package com.example.payone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.payonegateway.client.*;
import com.payonegateway.payone.v1.*;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client scenarios through the layer against the gateway fixture. */
class GatewayClientTest {
  private static GatewayFixture gateway;
  private static GatewayClient client;

  @BeforeAll
  static void start() throws Exception {
    gateway = new GatewayFixture();
    client = GatewayClient.newBuilder(gateway.address).token(GatewayFixture.TOKEN).build();
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    gateway.close();
  }

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
  }

  private static PreauthorizationRequest cardPreauthorization(String reference) {
    return PreauthorizationRequest.newBuilder()
        .setAccount("demo").setReference(reference).setAmount(10000).setCurrency("EUR")
        .setPersonalData(PersonalData.newBuilder().setLastname("Mustermann").setCountry("DE"))
        .setCreditCard(CreditCardPayment.newBuilder().setCardpan("4111111111111111")
            .setCardtype(CardType.CARD_TYPE_VISA).setCardexpiredate("3012").setCardcvc2("123"))
        .build();
  }

  @Test
  void installedArtifactHasTheContractVersion() throws Exception {
    // client_stubs/VERSION: one version for the contract and every package.
    String expected = System.getenv("PAYONE_CONTRACT_VERSION");
    assertTrue(expected != null && !expected.isEmpty(), "PAYONE_CONTRACT_VERSION (client_stubs/run_tests.sh sets it)");
    // The classes come from the installed jar, not from a source tree.
    String jar = GatewayClient.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    assertTrue(jar.endsWith("/payone-gateway-stubs-" + expected + ".jar"), jar);
    assertEquals(expected, GatewayClient.class.getPackage().getImplementationVersion());
    // The three services' generated stubs are in it, and the contract itself.
    for (String service : List.of("PayoneGatewayGrpc", "PaymentLedgerGrpc", "PayoneClientApiGrpc")) {
      Class.forName("com.payonegateway.payone.v1." + service);
    }
    assertTrue(GatewayClient.class.getResource("/payone/v1/gateway.proto") != null, "gateway.proto in the jar");
  }

  @Test
  void preauthorizeCaptureTwiceRefundOneItem() {
    PreauthorizationResponse pre = new IdempotentOperation(client)
        .call(PayoneGatewayGrpc.getPreauthorizeMethod(), cardPreauthorization(unique("java-")));
    assertEquals(com.payonegateway.payone.v1.Status.STATUS_APPROVED, pre.getStatus(), pre.toString());
    for (var part : List.of(new Object[] {6000L, CaptureMode.CAPTURE_MODE_NOTCOMPLETED},
        new Object[] {4000L, CaptureMode.CAPTURE_MODE_COMPLETED})) {
      // The ledger fills in the sequence number.
      CaptureResponse capture = new IdempotentOperation(client).call(PayoneGatewayGrpc.getCaptureMethod(),
          CaptureRequest.newBuilder().setAccount("demo").setTxid(pre.getTxid()).setAmount((Long) part[0])
              .setCurrency("EUR").setCapturemode((CaptureMode) part[1]).build());
      assertEquals(com.payonegateway.payone.v1.Status.STATUS_APPROVED, capture.getStatus(), capture.toString());
    }
    RefundResponse refund = new IdempotentOperation(client).call(PayoneGatewayGrpc.getRefundMethod(),
        RefundRequest.newBuilder().setAccount("demo").setTxid(pre.getTxid()).setAmount(-2500)
            .setCurrency("EUR")
            .addItems(Article.newBuilder().setType(ItemType.ITEM_TYPE_GOODS).setId("SKU-1").setPrice(2500)
                .setQuantity(1).setDescription("Mug").setVatRate(19))
            .build());
    assertEquals(com.payonegateway.payone.v1.Status.STATUS_APPROVED, refund.getStatus(), refund.toString());
    GetPaymentResponse payment = client.call(PaymentLedgerGrpc.getGetPaymentMethod(),
        GetPaymentRequest.newBuilder().setAccount("demo").setTxid(pre.getTxid()).build());
    assertEquals(List.of(10000L, 2500L), List.of(payment.getCapturedAmount(), payment.getRefundedAmount()));
  }

  @Test
  void sepaDirectDebitWithMandate() {
    String iban = "DE02120300000000202051";
    ManageMandateResponse mandate = client.call(PayoneGatewayGrpc.getManageMandateMethod(),
        ManageMandateRequest.newBuilder().setAccount("demo").setCurrency("EUR").setIban(iban)
            .setLastname("Mustermann").setCountry("DE").build());
    assertEquals(com.payonegateway.payone.v1.Status.STATUS_APPROVED, mandate.getStatus(), mandate.toString());
    AuthorizationResponse authorization = new IdempotentOperation(client).call(
        PayoneGatewayGrpc.getAuthorizeMethod(),
        AuthorizationRequest.newBuilder().setAccount("demo").setReference(unique("java-")).setAmount(1999)
            .setCurrency("EUR")
            .setPersonalData(PersonalData.newBuilder().setLastname("Mustermann").setCountry("DE"))
            .setSepaDirectDebit(SepaDirectDebitPayment.newBuilder().setIban(iban)
                .setMandateIdentification(mandate.getMandateIdentification()))
            .build());
    assertEquals(com.payonegateway.payone.v1.Status.STATUS_APPROVED, authorization.getStatus(),
        authorization.toString());
    assertEquals(mandate.getMandateIdentification(), authorization.getMandateIdentification());
  }

  @Test
  void threeInvalidFieldsComeBackAsOneTypedError() {
    PreauthorizationRequest request = cardPreauthorization("bad ref!").toBuilder().setCurrency("EURO")
        .setCreditCard(cardPreauthorization("x").getCreditCard().toBuilder().setCardpan("4111111111111112"))
        .build();
    GatewayException error = assertThrows(GatewayException.class, () -> client.call(
        PayoneGatewayGrpc.getPreauthorizeMethod(), request,
        CallSettings.DEFAULT.withRequestId("java-bad-request-1")));
    assertEquals(Status.Code.INVALID_ARGUMENT, error.code());
    Set<String> fields = error.violations().stream()
        .map(GatewayException.FieldViolation::field).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("reference", "currency", "credit_card.cardpan"), fields);
    assertFalse(error.retrySafe());
    assertEquals("java-bad-request-1", error.requestId());
    assertFalse(error.getMessage().contains("4111111111111112"));
  }

  @Test
  void deadlineShorterThanLatency() {
    long started = System.nanoTime();
    GatewayException error = assertThrows(GatewayException.class, () -> client.call(
        PayoneGatewayGrpc.getPreauthorizeMethod(), cardPreauthorization(unique("slow-")),
        CallSettings.DEFAULT.withTimeout(Duration.ofMillis(300))));
    assertEquals(Status.Code.DEADLINE_EXCEEDED, error.code());
    assertTrue(System.nanoTime() - started < 1_500_000_000L);
  }

  /** PCI DSS SAQ A: the browser's creditcardcheck with its hash; no card numbers for demo-saq. */
  @Test
  void prepareCreditCardCheckAndPseudoOnlyAccount() {
    PrepareCreditCardCheckResponse prepared = client.call(PayoneClientApiGrpc.getPrepareCreditCardCheckMethod(),
        PrepareCreditCardCheckRequest.newBuilder().setAccount("demo-saq").build());
    assertEquals("creditcardcheck", prepared.getRequest().getRequest());
    assertEquals("yes", prepared.getRequest().getStorecarddata());
    assertEquals(96, prepared.getRequest().getHash().length());
    assertTrue(prepared.getHostedIframeScriptUrl().endsWith("/js/v1/payone_hosted_min.js"));
    GatewayException refused = assertThrows(GatewayException.class,
        () -> client.call(PayoneGatewayGrpc.getPreauthorizeMethod(),
            cardPreauthorization(unique("java-")).toBuilder().setAccount("demo-saq").build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, refused.code());
    assertTrue(refused.violations().stream().anyMatch(v -> v.description().contains("PSEUDO_CARD_PAN_ONLY")),
        refused.getMessage());
  }

  @Test
  void idempotentRetryAfterOutcomeUnknownIsNeverSentTwice() throws Exception {
    String reference = unique("unk-");
    gateway.addFault("reset_after,times=1,reference=" + reference);
    IdempotentOperation operation = new IdempotentOperation(client);
    GatewayException unknown = assertThrows(GatewayException.class,
        () -> operation.call(PayoneGatewayGrpc.getPreauthorizeMethod(), cardPreauthorization(reference)));
    assertEquals(Status.Code.UNKNOWN, unknown.code());
    assertEquals("PAYONE_OUTCOME_UNKNOWN", unknown.reason());
    assertFalse(unknown.retrySafe());
    assertEquals(1, operation.attempts(), "an unsafe error was retried");
    // The caller retries the same operation: the same key, so the gateway
    // refuses instead of sending the payment a second time.
    GatewayException inFlight = assertThrows(GatewayException.class,
        () -> operation.call(PayoneGatewayGrpc.getPreauthorizeMethod(), cardPreauthorization(reference)));
    assertEquals(Status.Code.ABORTED, inFlight.code());
    assertEquals("IDEMPOTENCY_KEY_IN_FLIGHT", inFlight.reason());
    // A completed operation called again replays its first answer.
    IdempotentOperation replayed = new IdempotentOperation(client);
    PreauthorizationRequest request = cardPreauthorization(unique("rp-"));
    PreauthorizationResponse first = replayed.call(PayoneGatewayGrpc.getPreauthorizeMethod(), request);
    assertEquals(com.payonegateway.payone.v1.Status.STATUS_APPROVED, first.getStatus(), first.toString());
    assertEquals(first.getTxid(), replayed.call(PayoneGatewayGrpc.getPreauthorizeMethod(), request).getTxid());
  }

  @Test
  void watchResumesAfterTheGatewayRestarts() throws Exception {
    try (GatewayFixture own = new GatewayFixture();
        GatewayClient watching = GatewayClient.newBuilder(own.address).token(GatewayFixture.TOKEN).build()) {
      List<TransactionStatusEvent> events = new ArrayList<>();
      NotificationSubscriber subscriber = new NotificationSubscriber(
          watching, WatchTransactionStatusRequest.newBuilder().setAccount("demo").build());
      Thread running = new Thread(() -> {
        try {
          subscriber.run(event -> {
            synchronized (events) {
              events.add(event);
              events.notifyAll();
            }
            return true;
          });
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      running.start();
      PreauthorizationResponse before = new IdempotentOperation(watching)
          .call(PayoneGatewayGrpc.getPreauthorizeMethod(), cardPreauthorization(unique("watch-")));
      waitFor(events, before.getTxid());
      own.restart();
      PreauthorizationResponse after = new IdempotentOperation(watching).call(
          PayoneGatewayGrpc.getPreauthorizeMethod(), cardPreauthorization(unique("watch-")),
          CallSettings.DEFAULT.withWaitForReady(true));
      waitFor(events, after.getTxid());
      subscriber.stop();
      running.join(30_000);
      List<Long> cursors;
      synchronized (events) {
        cursors = events.stream().map(TransactionStatusEvent::getCursor).collect(Collectors.toList());
      }
      assertEquals(new ArrayList<>(new TreeSet<>(cursors)), cursors, "an event came twice");
      assertTrue(subscriber.reconnects() >= 1);
      assertEquals(cursors.get(cursors.size() - 1), subscriber.acknowledgedCursor());
    }
  }

  private static void waitFor(List<TransactionStatusEvent> events, String txid) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    synchronized (events) {
      while (events.stream().noneMatch(e -> e.getNotification().getTxid().equals(txid))) {
        long left = deadline - System.currentTimeMillis();
        assertTrue(left > 0, "no event for txid " + txid);
        events.wait(left);
      }
    }
  }
}
