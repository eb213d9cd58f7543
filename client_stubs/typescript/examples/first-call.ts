// Preauthorizes a test card through the gateway, then captures it:
//   npm run build && node dist/examples/first-call.js 127.0.0.1:50051
import {
  CaptureRequest, CardType, credentials, errorDetails, PayoneGatewayClient, PreauthorizationRequest,
  type ServiceError, Status, unary,
} from "../src/index";

async function main(address: string): Promise<number> {
  const gateway = new PayoneGatewayClient(address, credentials.createInsecure());
  const deadline = () => ({ deadline: new Date(Date.now() + 10_000) });
  try {
    const pre = await unary(gateway.preauthorize.bind(gateway), PreauthorizationRequest.fromPartial({
      account: "demo",
      reference: `ex-${Date.now()}`,
      amount: 1000, // 10.00 EUR, in cents
      currency: "EUR",
      personalData: { lastname: "Mustermann", country: "DE" },
      creditCard: { cardpan: "4111111111111111", cardtype: CardType.CARD_TYPE_VISA, cardexpiredate: "3012", cardcvc2: "123" },
    }), deadline());
    console.log(`preauthorization: ${Status[pre.status]} txid=${pre.txid}`);
    if (pre.status !== Status.STATUS_APPROVED) {
      console.log(`  ${pre.errorcode} ${pre.errormessage}`);
      return 1;
    }
    const capture = await unary(gateway.capture.bind(gateway), CaptureRequest.fromPartial({
      account: "demo", txid: pre.txid, sequencenumber: 1, amount: 1000, currency: "EUR",
    }), deadline());
    console.log(`capture: ${Status[capture.status]}`);
    return capture.status === Status.STATUS_APPROVED ? 0 : 1;
  } catch (e) {
    const error = e as ServiceError;
    console.error(`${error.code}: ${error.details}`);
    for (const v of errorDetails(error).badRequest?.fieldViolations ?? []) {
      console.error(`  ${v.field}: ${v.description}`);
    }
    return 1;
  } finally {
    gateway.close();
  }
}

main(process.argv[2] ?? "127.0.0.1:50051").then((code) => process.exit(code));
