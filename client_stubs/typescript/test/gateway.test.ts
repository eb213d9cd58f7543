// The four client scenarios against a running gateway: $PAYONE_GATEWAY_ADDRESS
// when the test command started one, else bazel-bin/service/payone_gateway (or
// $PAYONE_GATEWAY_BINARY) started here on its embedded simulator with 2 s of
// latency for references slow-*.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { createInterface } from "node:readline";
import { after, before, test } from "node:test";
import {
  AuthorizationRequest, CaptureMode, CaptureRequest, CardType, credentials, errorDetails, GrpcCode,
  ClientApiHashAlgorithm, ItemType, ManageMandateRequest, PayoneClientApiClient, PayoneGatewayClient,
  PrepareCreditCardCheckRequest, PreauthorizationRequest, RefundRequest, type ServiceError, Status, unary,
} from "../src/index";

let gateway: ChildProcess | undefined;
let client: PayoneGatewayClient;
let clientApi: PayoneClientApiClient;

async function startGateway(): Promise<string> {
  const binary = process.env.PAYONE_GATEWAY_BINARY ??
    path.resolve(__dirname, "../../../../bazel-bin/service/payone_gateway");
  gateway = spawn(binary, ["--listen=127.0.0.1:0", "--metrics_address=off",
    "--simulator_faults=latency=2s,reference=slow-*"], { stdio: ["ignore", "ignore", "pipe"] });
  for await (const line of createInterface({ input: gateway.stderr! })) {
    if (!line.startsWith("{")) continue;
    const event = JSON.parse(line);
    if (event.event === "listening") {
      gateway.stderr!.resume();
      return `127.0.0.1:${event.port}`;
    }
  }
  throw new Error("the gateway did not report its port");
}

before(async () => {
  const address = process.env.PAYONE_GATEWAY_ADDRESS || (await startGateway());
  client = new PayoneGatewayClient(address, credentials.createInsecure());
  clientApi = new PayoneClientApiClient(address, credentials.createInsecure());
});

after(() => {
  client.close();
  clientApi.close();
  gateway?.kill("SIGTERM");
});

const within = (ms: number) => ({ deadline: new Date(Date.now() + ms) });
const unique = (prefix = "ts-") => prefix + randomUUID().replace(/-/g, "").slice(0, 14);
const cardPreauthorization = (reference: string) => PreauthorizationRequest.fromPartial({
  account: "demo", reference, amount: 10000, currency: "EUR",
  personalData: { lastname: "Mustermann", country: "DE" },
  creditCard: { cardpan: "4111111111111111", cardtype: CardType.CARD_TYPE_VISA, cardexpiredate: "3012", cardcvc2: "123" },
});

test("preauthorize, capture twice, refund one item", async () => {
  const pre = await unary(client.preauthorize.bind(client), cardPreauthorization(unique()), within(20000));
  assert.equal(pre.status, Status.STATUS_APPROVED, JSON.stringify(pre));
  assert.ok(pre.txid);
  for (const [sequencenumber, amount, capturemode] of [
    [1, 6000, CaptureMode.CAPTURE_MODE_NOTCOMPLETED], [2, 4000, CaptureMode.CAPTURE_MODE_COMPLETED]]) {
    const capture = await unary(client.capture.bind(client), CaptureRequest.fromPartial({
      account: "demo", txid: pre.txid, sequencenumber, amount, currency: "EUR", capturemode,
    }), within(20000));
    assert.equal(capture.status, Status.STATUS_APPROVED, JSON.stringify(capture));
  }
  const refund = await unary(client.refund.bind(client), RefundRequest.fromPartial({
    account: "demo", txid: pre.txid, sequencenumber: 3, amount: -2500, currency: "EUR",
    items: [{ type: ItemType.ITEM_TYPE_GOODS, id: "SKU-1", price: 2500, quantity: 1, description: "Mug", vatRate: 19 }],
  }), within(20000));
  assert.equal(refund.status, Status.STATUS_APPROVED, JSON.stringify(refund));
});

test("SEPA direct debit with a mandate", async () => {
  const iban = "DE02120300000000202051";
  const mandate = await unary(client.manageMandate.bind(client), ManageMandateRequest.fromPartial({
    account: "demo", currency: "EUR", iban, lastname: "Mustermann", country: "DE",
  }), within(20000));
  assert.equal(mandate.status, Status.STATUS_APPROVED, JSON.stringify(mandate));
  assert.ok(mandate.mandateIdentification);
  const auth = await unary(client.authorize.bind(client), AuthorizationRequest.fromPartial({
    account: "demo", reference: unique(), amount: 1999, currency: "EUR",
    personalData: { lastname: "Mustermann", country: "DE" },
    sepaDirectDebit: { iban, mandateIdentification: mandate.mandateIdentification },
  }), within(20000));
  assert.equal(auth.status, Status.STATUS_APPROVED, JSON.stringify(auth));
  assert.ok(auth.txid);
  assert.equal(auth.mandateIdentification, mandate.mandateIdentification);
});

test("three invalid fields come back as BadRequest violations", async () => {
  const request = cardPreauthorization("bad ref!");
  request.currency = "EURO";
  request.creditCard!.cardpan = "4111111111111112";
  const error = await unary(client.preauthorize.bind(client), request, within(20000)).then(
    () => assert.fail("the call succeeded"), (e: ServiceError) => e);
  assert.equal(error.code, GrpcCode.INVALID_ARGUMENT);
  const fields = errorDetails(error).badRequest?.fieldViolations.map((v) => v.field) ?? [];
  for (const field of ["reference", "currency", "credit_card.cardpan"]) {
    assert.ok(fields.includes(field), `${field} not in ${fields}`);
  }
});

test("a deadline shorter than the injected latency", async () => {
  const started = Date.now();
  const error = await unary(client.preauthorize.bind(client), cardPreauthorization(unique("slow-")), within(300))
    .then(() => assert.fail("the call succeeded"), (e: ServiceError) => e);
  assert.equal(error.code, GrpcCode.DEADLINE_EXCEEDED);
  assert.ok(Date.now() - started < 1500);
});

test("PCI DSS SAQ A: a prepared browser-side creditcardcheck, no card numbers for demo-saq", async () => {
  const prepared = await unary(clientApi.prepareCreditCardCheck.bind(clientApi),
    PrepareCreditCardCheckRequest.fromPartial({ account: "demo-saq" }), within(20000));
  assert.equal(prepared.request?.request, "creditcardcheck");
  assert.equal(prepared.request?.hash.length, 96);
  assert.equal(prepared.hashAlgorithm, ClientApiHashAlgorithm.CLIENT_API_HASH_ALGORITHM_HMAC_SHA384);
  const refused = await unary(client.preauthorize.bind(client),
    { ...cardPreauthorization(unique()), account: "demo-saq" }, within(20000)).catch((e: ServiceError) => e);
  assert.equal((refused as ServiceError).code, GrpcCode.INVALID_ARGUMENT);
  assert.match((refused as ServiceError).details, /PSEUDO_CARD_PAN_ONLY/);
});
