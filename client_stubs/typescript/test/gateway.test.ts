// The client scenarios through the layer (GatewayClient & co.) against the
// gateway fixture (test/fixture.ts).
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import {
  AuthorizationRequest, CaptureMode, CaptureRequest, CardType, GatewayClient, GatewayError, GetPaymentRequest,
  GrpcCode, IdempotentOperation, ItemType, ManageMandateRequest, NotificationSubscriber, PreauthorizationRequest,
  PaymentLedgerClient, PayoneClientApiClient, PayoneGatewayClient, PrepareCreditCardCheckRequest,
  ClientApiHashAlgorithm, RefundRequest, Status, type TransactionStatusEvent,
} from "@payone-gateway/client";
import { GatewayFixture, TOKEN } from "./fixture";

let shared: GatewayFixture;
let client: GatewayClient;

before(async () => {
  shared = await GatewayFixture.start();
  client = new GatewayClient(shared.address, { token: TOKEN });
});

after(async () => {
  client.close();
  await shared.close();
});

const unique = (prefix = "ts-") => prefix + randomUUID().replace(/-/g, "").slice(0, 14);
const cardPreauthorization = (reference: string) => PreauthorizationRequest.fromPartial({
  account: "demo", reference, amount: 10000, currency: "EUR",
  personalData: { lastname: "Mustermann", country: "DE" },
  creditCard: { cardpan: "4111111111111111", cardtype: CardType.CARD_TYPE_VISA, cardexpiredate: "3012", cardcvc2: "123" },
});

async function rejection(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(() => assert.fail("the call succeeded"), (e: unknown) => e);
  assert.ok(error instanceof GatewayError, String(error));
  return error;
}

test("the installed package: the contract's version, the three services' clients", () => {
  // client_stubs/VERSION, the one version of the contract and every package.
  const expected = process.env.PAYONE_CONTRACT_VERSION;
  assert.ok(expected, "PAYONE_CONTRACT_VERSION (client_stubs/run_tests.sh sets it)");
  const manifest = require.resolve("@payone-gateway/client/package.json");
  assert.ok(manifest.includes("node_modules"), `${manifest}: not an installed package`);
  assert.equal(require(manifest).version, expected);
  for (const stub of [PayoneGatewayClient, PaymentLedgerClient, PayoneClientApiClient]) {
    assert.equal(typeof stub, "function");
  }
  assert.ok(client.gateway instanceof PayoneGatewayClient);
  assert.ok(client.ledger instanceof PaymentLedgerClient);
  assert.ok(client.clientApi instanceof PayoneClientApiClient);
});

test("preauthorize, capture twice, refund one item", async () => {
  const pre = await new IdempotentOperation(client).call("preauthorize", cardPreauthorization(unique()));
  assert.equal(pre.status, Status.STATUS_APPROVED, JSON.stringify(pre));
  for (const [amount, capturemode] of [
    [6000, CaptureMode.CAPTURE_MODE_NOTCOMPLETED], [4000, CaptureMode.CAPTURE_MODE_COMPLETED]]) {
    // The ledger fills in the sequence number.
    const capture = await new IdempotentOperation(client).call("capture", CaptureRequest.fromPartial({
      account: "demo", txid: pre.txid, amount, currency: "EUR", capturemode }));
    assert.equal(capture.status, Status.STATUS_APPROVED, JSON.stringify(capture));
  }
  const refund = await new IdempotentOperation(client).call("refund", RefundRequest.fromPartial({
    account: "demo", txid: pre.txid, amount: -2500, currency: "EUR",
    items: [{ type: ItemType.ITEM_TYPE_GOODS, id: "SKU-1", price: 2500, quantity: 1, description: "Mug", vatRate: 19 }],
  }));
  assert.equal(refund.status, Status.STATUS_APPROVED, JSON.stringify(refund));
  const payment = await client.getPayment(GetPaymentRequest.fromPartial({ account: "demo", txid: pre.txid }));
  assert.deepEqual([payment.capturedAmount, payment.refundedAmount], [10000, 2500]);
});

test("SEPA direct debit with a mandate", async () => {
  const iban = "DE02120300000000202051";
  const mandate = await client.manageMandate(ManageMandateRequest.fromPartial({
    account: "demo", currency: "EUR", iban, lastname: "Mustermann", country: "DE" }));
  assert.equal(mandate.status, Status.STATUS_APPROVED, JSON.stringify(mandate));
  const authorization = await new IdempotentOperation(client).call("authorize", AuthorizationRequest.fromPartial({
    account: "demo", reference: unique(), amount: 1999, currency: "EUR",
    personalData: { lastname: "Mustermann", country: "DE" },
    sepaDirectDebit: { iban, mandateIdentification: mandate.mandateIdentification },
  }));
  assert.equal(authorization.status, Status.STATUS_APPROVED, JSON.stringify(authorization));
  assert.equal(authorization.mandateIdentification, mandate.mandateIdentification);
});

test("three invalid fields come back as one typed error", async () => {
  const request = cardPreauthorization("bad ref!");
  request.currency = "EURO";
  request.creditCard!.cardpan = "4111111111111112";
  const error = await rejection(client.preauthorize(request, { requestId: "ts-bad-request-1" }));
  assert.equal(error.code, GrpcCode.INVALID_ARGUMENT);
  assert.deepEqual(new Set(error.violations.map((v) => v.field)),
    new Set(["reference", "currency", "credit_card.cardpan"]));
  assert.equal(error.retrySafe, false);
  assert.equal(error.requestId, "ts-bad-request-1");
  assert.ok(!error.message.includes("4111111111111112"));
});

test("a deadline shorter than PAYONE's latency", async () => {
  const started = Date.now();
  const error = await rejection(client.preauthorize(cardPreauthorization(unique("slow-")), { timeoutMs: 300 }));
  assert.equal(error.code, GrpcCode.DEADLINE_EXCEEDED);
  assert.ok(Date.now() - started < 1500);
});

test("PCI DSS SAQ A: a prepared browser-side creditcardcheck, no card numbers for demo-saq", async () => {
  const prepared = await client.prepareCreditCardCheck(PrepareCreditCardCheckRequest.fromPartial({ account: "demo-saq" }));
  assert.equal(prepared.request?.request, "creditcardcheck");
  assert.equal(prepared.request?.hash.length, 96);
  assert.equal(prepared.hashAlgorithm, ClientApiHashAlgorithm.CLIENT_API_HASH_ALGORITHM_HMAC_SHA384);
  const refused = await rejection(client.preauthorize({ ...cardPreauthorization(unique()), account: "demo-saq" }));
  assert.equal(refused.code, GrpcCode.INVALID_ARGUMENT);
  assert.ok(refused.violations.some((v) => /PSEUDO_CARD_PAN_ONLY/.test(v.description)), refused.message);
  assert.ok(!refused.message.includes("4111111111111111"));
});

test("an idempotent retry after an outcome-unknown error is never sent twice", async () => {
  const reference = unique("unk-");
  await shared.addFault(`reset_after,times=1,reference=${reference}`);
  const operation = new IdempotentOperation(client);
  const unknown = await rejection(operation.call("preauthorize", cardPreauthorization(reference)));
  assert.deepEqual([unknown.code, unknown.reason, unknown.retrySafe], [GrpcCode.UNKNOWN, "PAYONE_OUTCOME_UNKNOWN", false]);
  assert.equal(operation.attempts, 1, "an unsafe error was retried");
  // The caller retries the same operation: the same key, so the gateway
  // refuses instead of sending the payment a second time.
  const inFlight = await rejection(operation.call("preauthorize", cardPreauthorization(reference)));
  assert.deepEqual([inFlight.code, inFlight.reason], [GrpcCode.ABORTED, "IDEMPOTENCY_KEY_IN_FLIGHT"]);
  // A completed operation called again replays its first answer.
  const replayed = new IdempotentOperation(client);
  const request = cardPreauthorization(unique("rp-"));
  const first = await replayed.call("preauthorize", request);
  assert.equal(first.status, Status.STATUS_APPROVED, JSON.stringify(first));
  assert.equal((await replayed.call("preauthorize", request)).txid, first.txid);
});

test("a watch resumes after the gateway restarts", async () => {
  const own = await GatewayFixture.start();
  const watching = new GatewayClient(own.address, { token: TOKEN });
  const subscriber = new NotificationSubscriber(watching, { account: "demo" });
  let running: Promise<void> | undefined;
  try {
    const events: TransactionStatusEvent[] = [];
    const waiters: (() => void)[] = [];
    running = subscriber.run((event) => {
      events.push(event);
      waiters.splice(0).forEach((wake) => wake());
    });
    const waitFor = async (txid: string) => {
      const deadline = Date.now() + 30_000;
      while (!events.some((e) => e.notification?.txid === txid)) {
        assert.ok(Date.now() < deadline, `no event for txid ${txid}`);
        await new Promise<void>((wake) => { waiters.push(wake); setTimeout(wake, 1000); });
      }
    };
    const before = await new IdempotentOperation(watching).call("preauthorize", cardPreauthorization(unique("watch-")));
    await waitFor(before.txid);
    await own.restart();
    const after = await new IdempotentOperation(watching).call("preauthorize", cardPreauthorization(unique("watch-")),
      { waitForReady: true });
    await waitFor(after.txid);
    subscriber.stop();
    await running;
    const cursors = events.map((e) => e.cursor);
    assert.deepEqual(cursors, [...new Set(cursors)].sort((a, b) => a - b), "an event came twice");
    assert.ok(subscriber.reconnects >= 1);
    assert.equal(subscriber.acknowledgedCursor, cursors.at(-1));
  } finally {
    // Stopped before its channel closes: a failure above stays the one reported.
    subscriber.stop();
    await running?.catch(() => {});
    watching.close();
    await own.close();
  }
});
