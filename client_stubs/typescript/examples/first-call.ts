// Preauthorizes a test card through the gateway, then captures it, with the
// client layer:
//   node dist/examples/first-call.js 127.0.0.1:50051 [token]
import {
  CaptureRequest, CardType, GatewayClient, GatewayError, IdempotentOperation, newId, PreauthorizationRequest, Status,
} from "@payone-gateway/client";

async function main(address: string, token?: string): Promise<number> {
  const client = new GatewayClient(address, { token });
  try {
    // One idempotency key for this payment; a retry the gateway allows reuses it.
    const response = await new IdempotentOperation(client).call("preauthorize", PreauthorizationRequest.fromPartial({
      account: "demo",
      reference: `ex-${newId().slice(0, 12)}`,
      amount: 1000, // 10.00 EUR, in cents
      currency: "EUR",
      personalData: { lastname: "Mustermann", country: "DE" },
      creditCard: { cardpan: "4111111111111111", cardtype: CardType.CARD_TYPE_VISA, cardexpiredate: "3012", cardcvc2: "123" },
    }));
    console.log(`preauthorization: ${Status[response.status]} txid=${response.txid}`);
    if (response.status !== Status.STATUS_APPROVED) {
      console.log(`  ${response.errorcode} ${response.errormessage}`);
      return 1;
    }
    // The ledger fills in the sequence number.
    const capture = await new IdempotentOperation(client).call("capture", CaptureRequest.fromPartial({
      account: "demo", txid: response.txid, amount: 1000, currency: "EUR" }));
    console.log(`capture: ${Status[capture.status]}`);
    return capture.status === Status.STATUS_APPROVED ? 0 : 1;
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    console.error(`${error.message} (reason ${error.reason || "-"}, retrySafe ${error.retrySafe}, request id ${error.requestId})`);
    for (const violation of error.violations) console.error(`  ${violation.field}: ${violation.description}`);
    return 1;
  } finally {
    client.close();
  }
}

main(process.argv[2] ?? "127.0.0.1:50051", process.argv[3]).then((code) => { process.exitCode = code; });
