// An example web checkout on the gateway's TypeScript client, for
// card payments without card data on the shop's servers (PCI DSS SAQ A):
//
//   /              a product page
//   /checkout      card fields in PAYONE's hosted iFrame (the script and the
//                  request with its hash come from
//                  PayoneClientApi.PrepareCreditCardCheck); the page receives
//                  a pseudocardpan and posts only that to /pay
//   /pay           PayoneGateway.Preauthorize with the pseudocardpan; 3-D
//                  Secure sends the customer to PAYONE's redirecturl and back
//   /success       the order after the customer came back
//   /backoffice    capture (partial or final), void (capture 0), refund;
//                  PaymentLedger.GetPayment of each order and the
//                  TransactionStatus notifications as they arrive
//                  (WatchTransactionStatus)
//
// The shop never computes a hash and never holds the portal key: the gateway
// does. Against real PAYONE nothing here changes; the gateway's
// upstream.client_api_url decides which hosted iFrame script the page loads.
import http from "node:http";
import { randomUUID } from "node:crypto";
import {
  CaptureMode, CaptureRequest, CardType, GatewayClient, GatewayError, GetPaymentRequest, type GetPaymentResponse,
  NotificationSubscriber, PreauthorizationRequest, PrepareCreditCardCheckRequest, RefundRequest, Status,
  statusToJSON, type TransactionStatusEvent, transactionActionToJSON,
} from "@payone-gateway/client";

export interface CheckoutOptions {
  /** The gateway, e.g. "127.0.0.1:50051". */
  gatewayAddress: string;
  /** The gateway account the shop uses. Default "demo-saq". */
  account?: string;
  /** Default 127.0.0.1 and 0 (a free port). */
  host?: string;
  port?: number;
  /** Called with every request the shop's server receives, body included. */
  onRequest?: (request: ReceivedRequest) => void;
}

/** A request as the shop's server received it. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Checkout {
  /** "http://127.0.0.1:<port>" */
  url: string;
  close(): Promise<void>;
}

interface Order {
  reference: string;
  amount: number;
  currency: string;
  customer: string;
  truncatedcardpan: string;
  txid: string;
  status: string;
  message: string;
}

const PRODUCT = { name: "PAYONE test mug", price: 2500, currency: "EUR" };

// PAYONE's card type letters (what the hosted iFrame answers).
const CARD_TYPES: Record<string, CardType> = {
  V: CardType.CARD_TYPE_VISA, M: CardType.CARD_TYPE_MASTERCARD, A: CardType.CARD_TYPE_AMEX,
  D: CardType.CARD_TYPE_DINERS_DISCOVER, J: CardType.CARD_TYPE_JCB, O: CardType.CARD_TYPE_MAESTRO_INTERNATIONAL,
  U: CardType.CARD_TYPE_UATP, P: CardType.CARD_TYPE_CHINA_UNION_PAY, G: CardType.CARD_TYPE_GIROCARD,
  B: CardType.CARD_TYPE_CARTE_BLEUE, C: CardType.CARD_TYPE_DISCOVER,
};

function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// For a <script> block: JSON that cannot close the script element.
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

// PAYONE's txaction name ("appointed", "capture", ...).
function txaction(action: number): string {
  return transactionActionToJSON(action).replace("TRANSACTION_ACTION_", "").toLowerCase();
}

function money(minor: number, currency: string): string {
  return `${(minor / 100).toFixed(2)} ${currency}`;
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
  body { font: 15px sans-serif; max-width: 52em; margin: 2em auto; color: #222; }
  nav a { margin-right: 1em; } label { display: block; margin-top: 0.8em; }
  .field { display: inline-block; vertical-align: middle; } .error { color: #b00; }
  table { border-collapse: collapse; margin: 1em 0; font-size: 14px; } td, th { border: 1px solid #ccc; padding: 0.3em 0.6em; }
  button { font: inherit; padding: 0.3em 1em; } form.inline { display: inline; }
</style></head>
<body><nav><a href="/">Shop</a><a href="/backoffice">Back office</a></nav>
<h1>${escapeHtml(title)}</h1>
${body}
</body></html>`;
}

function messageOf(error: unknown): string {
  if (!(error instanceof GatewayError)) return String(error);
  return error.violations.length
    ? error.violations.map((v) => `${v.field}: ${v.description}`).join("; ")
    : error.message;
}

export async function startCheckout(options: CheckoutOptions): Promise<Checkout> {
  const account = options.account ?? "demo-saq";
  const client = new GatewayClient(options.gatewayAddress, { timeoutMs: 20000 });
  const orders = new Map<string, Order>();
  const notifications: TransactionStatusEvent[] = [];
  let baseUrl = "";

  // Every notification of the account, as the gateway stores them.
  const subscriber = new NotificationSubscriber(client, { account });
  const watching = subscriber.run((event) => { notifications.push(event); }).catch(() => undefined);

  async function checkoutPage(): Promise<string> {
    const prepared = await client.prepareCreditCardCheck(
      PrepareCreditCardCheckRequest.fromPartial({ account, language: "en" }));
    // PAYONE's parameter names; empty ones are not sent.
    const request = Object.fromEntries(Object.entries(prepared.request ?? {}).filter(([, v]) => v !== ""));
    return page("Checkout", `
<p>${escapeHtml(PRODUCT.name)}: <strong>${money(PRODUCT.price, PRODUCT.currency)}</strong></p>
<form id="order" method="post" action="/pay">
  <label>Name <input name="lastname" id="lastname" value="Mustermann" required></label>
  <label>Card number <span class="field" id="cardpan"></span></label>
  <label>CVC <span class="field" id="cardcvc2"></span></label>
  <label>Expiry <span class="field" id="cardexpiremonth"></span> / <span class="field" id="cardexpireyear"></span></label>
  <input type="hidden" name="pseudocardpan" id="pseudocardpan">
  <input type="hidden" name="truncatedcardpan" id="truncatedcardpan">
  <input type="hidden" name="cardtype" id="cardtype">
  <input type="hidden" name="cardexpiredate" id="cardexpiredate">
  <p id="error" class="error"></p>
  <button type="button" id="pay">Pay ${money(PRODUCT.price, PRODUCT.currency)}</button>
</form>
<script src="${escapeHtml(prepared.hostedIframeScriptUrl)}"></script>
<script>
  // The same code runs against PAYONE's hosted iFrame; only the script
  // address above differs. The card data stays in PAYONE's iframes.
  var request = ${scriptJson(request)};
  var config = {
    fields: {
      cardpan: { selector: "cardpan", type: "text", maxlength: "19" },
      cardcvc2: { selector: "cardcvc2", type: "password", size: "4", maxlength: "4" },
      cardexpiremonth: { selector: "cardexpiremonth", type: "select" },
      cardexpireyear: { selector: "cardexpireyear", type: "select" }
    },
    defaultStyle: { input: "font-size: 15px; width: 100%;", select: "font-size: 15px;",
                    iframe: { height: "30px", width: "200px" } },
    autoCardtypeDetection: { supportedCardtypes: ["V", "M", "A", "J", "D"] },
    language: Payone.ClientApi.Language.en
  };
  var iframes = new Payone.ClientApi.HostedIFrames(config, request);
  document.getElementById("pay").addEventListener("click", function () {
    if (!iframes.isComplete()) {
      document.getElementById("error").textContent = "Please complete the card details.";
      return;
    }
    iframes.creditCardCheck("checkCallback");
  });
  function checkCallback(response) {
    if (response.status !== "VALID") {
      document.getElementById("error").textContent = response.customermessage || response.errormessage;
      return;
    }
    document.getElementById("pseudocardpan").value = response.pseudocardpan;
    document.getElementById("truncatedcardpan").value = response.truncatedcardpan;
    document.getElementById("cardtype").value = response.cardtype;
    document.getElementById("cardexpiredate").value = response.cardexpiredate;
    document.getElementById("order").submit();
  }
</script>`);
  }

  async function pay(form: URLSearchParams): Promise<{ redirect?: string; html?: string }> {
    const reference = `shop-${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    const order: Order = {
      reference, amount: PRODUCT.price, currency: PRODUCT.currency, customer: form.get("lastname") ?? "",
      truncatedcardpan: form.get("truncatedcardpan") ?? "", txid: "", status: "", message: "",
    };
    orders.set(reference, order);
    try {
      const answer = await client.preauthorize(PreauthorizationRequest.fromPartial({
        account, reference, amount: order.amount, currency: order.currency,
        personalData: { lastname: order.customer, country: "DE" },
        creditCard: {
          pseudocardpan: form.get("pseudocardpan") ?? "",
          cardtype: CARD_TYPES[form.get("cardtype") ?? ""] ?? CardType.CARD_TYPE_UNSPECIFIED,
          cardexpiredate: form.get("cardexpiredate") ?? "",
        },
        redirectUrls: {
          successurl: `${baseUrl}/success?order=${reference}`,
          errorurl: `${baseUrl}/failure?order=${reference}`,
          backurl: `${baseUrl}/checkout`,
        },
      }));
      order.txid = answer.txid;
      order.status = statusToJSON(answer.status);
      if (answer.status === Status.STATUS_REDIRECT) return { redirect: answer.redirecturl };
      if (answer.status === Status.STATUS_APPROVED) return { redirect: `/success?order=${reference}` };
      order.message = answer.customermessage || answer.errormessage;
    } catch (error) {
      order.status = "FAILED";
      order.message = messageOf(error);
    }
    return { html: page("Payment failed", `<p class="error">${escapeHtml(order.message)}</p><p><a href="/checkout">Try again</a></p>`) };
  }

  function orderPage(title: string, reference: string): string {
    const order = orders.get(reference);
    if (!order) return page("Unknown order", "<p>No such order.</p>");
    return page(title, `
<p id="summary">Order <strong id="reference">${escapeHtml(order.reference)}</strong>:
${escapeHtml(PRODUCT.name)}, ${money(order.amount, order.currency)}, card ${escapeHtml(order.truncatedcardpan)},
PAYONE txid <span id="txid">${escapeHtml(order.txid)}</span>.</p>`);
  }

  async function backoffice(): Promise<string> {
    const rows: string[] = [];
    for (const order of orders.values()) {
      let view: GetPaymentResponse | undefined;
      if (order.txid) {
        view = await client.getPayment(GetPaymentRequest.fromPartial({ account, txid: order.txid }))
          .catch(() => undefined);
      }
      const id = escapeHtml(order.txid);
      rows.push(`<tr id="order-${id}"><td>${escapeHtml(order.reference)}</td><td>${id}</td>
<td>${money(order.amount, order.currency)}</td>
<td class="reserved">${view ? money(view.reservedAmount, order.currency) : ""}</td>
<td class="captured">${view ? money(view.capturedAmount, order.currency) : ""}</td>
<td class="refunded">${view ? money(view.refundedAmount, order.currency) : ""}</td>
<td class="last">${view ? escapeHtml(txaction(view.lastTxaction)) : escapeHtml(order.status)}</td>
<td>${order.txid ? `
<form class="inline" method="post" action="/backoffice/capture"><input type="hidden" name="txid" value="${id}">
  <input name="amount" size="6" value="${(order.amount / 200).toFixed(2)}" aria-label="capture amount">
  <label class="inline"><input type="checkbox" name="final" value="1"> final</label>
  <button name="action" value="capture">Capture</button></form>
<form class="inline" method="post" action="/backoffice/capture"><input type="hidden" name="txid" value="${id}">
  <input type="hidden" name="amount" value="0"><button name="action" value="void">Void</button></form>
<form class="inline" method="post" action="/backoffice/refund"><input type="hidden" name="txid" value="${id}">
  <input name="amount" size="6" value="5.00" aria-label="refund amount"><button>Refund</button></form>` : ""}
</td></tr>`);
      for (const entry of view?.history ?? []) {
        const what = entry.request
          ? `request ${escapeHtml(entry.request.requestType)} ${money(entry.request.amount, order.currency)}: ${escapeHtml(entry.request.status)}`
          : `notification ${escapeHtml(txaction(entry.notification?.notification?.txaction ?? 0))}`;
        rows.push(`<tr class="history"><td></td><td colspan="7">${escapeHtml(entry.time?.toISOString() ?? "")} ${what}</td></tr>`);
      }
    }
    const events = notifications.map((e) => `<li>#${e.cursor} txid ${escapeHtml(e.notification?.txid)}:
${escapeHtml(txaction(e.notification?.txaction ?? 0))} (sequencenumber ${e.notification?.sequencenumber ?? 0})</li>`);
    return page("Back office", `
<table id="orders"><tr><th>order</th><th>txid</th><th>amount</th><th>reserved</th><th>captured</th><th>refunded</th>
<th>last event</th><th></th></tr>${rows.join("\n")}</table>
<h2>TransactionStatus notifications</h2>
<ul id="notifications">${events.join("\n")}</ul>
<script>
  // New notifications as they arrive: reload while the list grows.
  var shown = ${notifications.length};
  setInterval(function () {
    fetch("/backoffice/notification-count").then(function (r) { return r.text(); }).then(function (n) {
      if (Number(n) !== shown) location.reload();
    });
  }, 1000);
</script>`);
  }

  async function book(path: string, form: URLSearchParams): Promise<string> {
    const txid = form.get("txid") ?? "";
    const order = [...orders.values()].find((o) => o.txid === txid);
    const amount = Math.round(Number(form.get("amount") ?? "0") * 100);
    try {
      const answer = path === "/backoffice/refund"
        ? await client.refund(RefundRequest.fromPartial({
          account, txid, amount: -amount, currency: order?.currency ?? "EUR",
        }))
        : await client.capture(CaptureRequest.fromPartial({
          account, txid, amount, currency: order?.currency ?? "EUR",
          capturemode: form.get("final") || amount === 0
            ? CaptureMode.CAPTURE_MODE_COMPLETED : CaptureMode.CAPTURE_MODE_NOTCOMPLETED,
        }));
      return answer.status === Status.STATUS_APPROVED ? "" : `${statusToJSON(answer.status)}: ${answer.errormessage}`;
    } catch (error) {
      return messageOf(error);
    }
  }

  async function route(request: ReceivedRequest, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url, baseUrl);
    const form = new URLSearchParams(request.body);
    const html = (body: string, status = 200) => {
      response.writeHead(status, { "content-type": "text/html; charset=utf-8" });
      response.end(body);
    };
    const redirect = (location: string) => {
      response.writeHead(303, { location });
      response.end();
    };
    if (request.method === "GET" && url.pathname === "/") {
      return html(page(PRODUCT.name, `<p>A mug with the PAYONE logo, ${money(PRODUCT.price, PRODUCT.currency)}.</p>
<p><a id="buy" href="/checkout">Buy it</a></p>`));
    }
    if (request.method === "GET" && url.pathname === "/checkout") return html(await checkoutPage());
    if (request.method === "POST" && url.pathname === "/pay") {
      const result = await pay(form);
      return result.redirect ? redirect(result.redirect) : html(result.html ?? "", 402);
    }
    if (request.method === "GET" && url.pathname === "/success") {
      return html(orderPage("Thank you for your order", url.searchParams.get("order") ?? ""));
    }
    if (request.method === "GET" && url.pathname === "/failure") {
      return html(orderPage("The payment did not go through", url.searchParams.get("order") ?? ""));
    }
    if (request.method === "GET" && url.pathname === "/backoffice") return html(await backoffice());
    if (request.method === "GET" && url.pathname === "/backoffice/notification-count") {
      response.writeHead(200, { "content-type": "text/plain" });
      return void response.end(String(notifications.length));
    }
    if (request.method === "POST" && (url.pathname === "/backoffice/capture" || url.pathname === "/backoffice/refund")) {
      const problem = await book(url.pathname, form);
      return problem
        ? html(page("Back office", `<p class="error" id="problem">${escapeHtml(problem)}</p><p><a href="/backoffice">Back</a></p>`), 400)
        : redirect("/backoffice");
    }
    html(page("Not found", ""), 404);
  }

  const server = http.createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const received: ReceivedRequest = {
        method: incoming.method ?? "", url: incoming.url ?? "/", headers: incoming.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      options.onRequest?.(received);
      route(received, response).catch((error) => {
        if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
        response.end(`internal error: ${messageOf(error)}`);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  baseUrl = `http://${options.host ?? "127.0.0.1"}:${address.port}`;
  return {
    url: baseUrl,
    close: async () => {
      subscriber.stop();
      await watching;
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
      client.close();
    },
  };
}
