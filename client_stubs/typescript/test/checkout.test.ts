// The example checkout (examples/checkout) in a real browser: Debian's
// chromium driven by playwright-core. A customer types a 3-D Secure test
// card into the hosted iFrame's fields, pays, confirms on the ACS page and
// comes back to the shop; the back office captures part and refunds part.
// Then the proof that the card number never reached the shop's server (every
// request it received, as it received it) nor the gateway (its whole log),
// while it did reach PAYONE (the simulator) from the browser.
//
// Gateway: $PAYONE_GATEWAY_ADDRESS (its log: $PAYONE_GATEWAY_LOG) or
// $PAYONE_GATEWAY_DEV_BINARY (//service:payone_gateway_dev) started here.
// Screenshots of every step: $CHECKOUT_SCREENSHOTS_DIR, default dist/screenshots
// of the consumer project (consumer/install.sh) the test runs in.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { after, before, test } from "node:test";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { type Checkout, type ReceivedRequest, startCheckout } from "../examples/checkout/server";

// The simulator's 3-D Secure Visa test card; no other test sends it.
const CARD = "4012001037141112";
const screenshots = process.env.CHECKOUT_SCREENSHOTS_DIR ?? path.resolve(__dirname, "../screenshots");

let gateway: ChildProcess | undefined;
let gatewayLog = "";
let address = "";
let checkout: Checkout;
let browser: BrowserContext;
let userDataDir = "";
const received: ReceivedRequest[] = [];
// Every request the browser sent, with its body.
const sent: { url: string; body: string }[] = [];

async function startGateway(): Promise<string> {
  const binary = process.env.PAYONE_GATEWAY_DEV_BINARY;
  if (!binary) throw new Error("PAYONE_GATEWAY_ADDRESS or PAYONE_GATEWAY_DEV_BINARY (//service:payone_gateway_dev)");
  gateway = spawn(binary, ["--listen=127.0.0.1:0", "--metrics_address=off"], { stdio: ["ignore", "ignore", "pipe"] });
  gateway.stderr!.setEncoding("utf8");
  const lines = createInterface({ input: gateway.stderr! });
  for await (const line of lines) {
    gatewayLog += `${line}\n`;
    if (!line.startsWith("{")) continue;
    const event = JSON.parse(line);
    if (event.event === "listening") {
      lines.on("line", (more) => { gatewayLog += `${more}\n`; });
      return `127.0.0.1:${event.port}`;
    }
  }
  throw new Error("the gateway did not report its port");
}

function readGatewayLog(): string {
  return process.env.PAYONE_GATEWAY_LOG ? fs.readFileSync(process.env.PAYONE_GATEWAY_LOG, "utf8") : gatewayLog;
}

before(async () => {
  address = process.env.PAYONE_GATEWAY_ADDRESS || (await startGateway());
  checkout = await startCheckout({ gatewayAddress: address, onRequest: (r) => received.push(r) });
  fs.mkdirSync(screenshots, { recursive: true });
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "checkout-chromium-"));
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1000, height: 700 },
    args: [
      ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  browser.on("request", (request) => sent.push({ url: request.url(), body: request.postData() ?? "" }));
});

after(async () => {
  await browser?.close();
  await checkout?.close();
  gateway?.kill("SIGTERM");
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

// The back office reloads itself while notifications arrive.
async function waitForNotification(page: Page, txaction: string): Promise<void> {
  await page.locator("#notifications li", { hasText: txaction }).first().waitFor({ timeout: 30000 });
}

test("card payment without card data: hosted iFrame, 3-D Secure, capture, refund", { timeout: 180000 }, async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(30000);

  await page.goto(`${checkout.url}/`);
  await shot(page, "1-product");
  await page.click("#buy");

  // The card fields are iframes of PAYONE (here: the simulator).
  await page.waitForURL(`${checkout.url}/checkout`);
  const field = (name: string) => page.frameLocator(`#${name} iframe`).locator("#field");
  await field("cardpan").fill(CARD);
  await field("cardcvc2").fill("123");
  await field("cardexpiremonth").selectOption("12");
  await field("cardexpireyear").selectOption(String(new Date().getFullYear() + 3));
  await shot(page, "2-card-in-hosted-iframe");
  await page.click("#pay");

  // PAYONE's 3-D Secure: the issuer's ACS page, then back to the shop.
  await page.locator("#confirm").waitFor();
  assert.ok(!page.url().startsWith(checkout.url), "the ACS page is PAYONE's, not the shop's");
  await shot(page, "3-3ds-acs");
  await page.click("#confirm");
  await page.waitForURL(/\/success\?order=/);
  const txid = (await page.textContent("#txid"))?.trim() ?? "";
  assert.match(txid, /^\d+$/);
  assert.match((await page.textContent("#summary")) ?? "", /401200XXXXXX1112/);
  await shot(page, "4-success");

  // The back office: the reservation and the appointed notification.
  await page.goto(`${checkout.url}/backoffice`);
  await waitForNotification(page, "appointed");
  const row = page.locator(`#order-${txid}`);
  assert.equal((await row.locator(".reserved").textContent())?.trim(), "25.00 EUR");
  await shot(page, "5-backoffice-appointed");

  // Capture 10.00 of 25.00 (partial), then refund 5.00 of it.
  await row.locator('input[name="amount"]').first().fill("10.00");
  await row.locator('button[value="capture"]').click();
  await page.waitForURL(`${checkout.url}/backoffice`);
  await waitForNotification(page, "capture");
  assert.equal((await page.locator(`#order-${txid} .captured`).textContent())?.trim(), "10.00 EUR");
  await shot(page, "6-backoffice-captured");
  await page.locator(`#order-${txid} form[action="/backoffice/refund"] input[name="amount"]`).fill("5.00");
  await page.locator(`#order-${txid} form[action="/backoffice/refund"] button`).click();
  await page.waitForURL(`${checkout.url}/backoffice`);
  await waitForNotification(page, "refund");
  assert.equal((await page.locator(`#order-${txid} .refunded`).textContent())?.trim(), "5.00 EUR");
  await shot(page, "7-backoffice-refunded");
  const backoffice = await page.content();
  await page.close();

  // The proof. The shop's server received the pseudo card number only.
  const pay = received.find((r) => r.method === "POST" && r.url === "/pay");
  assert.ok(pay, "the checkout posted the order");
  const form = new URLSearchParams(pay.body);
  assert.match(form.get("pseudocardpan") ?? "", /^\d{16,19}$/);
  assert.notEqual(form.get("pseudocardpan"), CARD);
  assert.ok(received.length >= 8, `the shop's server saw ${received.length} requests`);
  for (const r of received) {
    const everything = `${r.method} ${r.url} ${JSON.stringify(r.headers)} ${r.body}`;
    assert.ok(!everything.includes(CARD), `the shop's server received the card number in ${r.method} ${r.url}`);
  }
  assert.ok(!backoffice.includes(CARD), "the back office shows the card number");
  // Nor did the gateway: not in any line it logged.
  const log = readGatewayLog();
  assert.ok(log.includes("Preauthorize"), "the gateway log covers the payment");
  assert.ok(!log.includes(CARD), "the gateway log contains the card number");
  // The browser sent it to PAYONE's Client API, and nowhere else.
  const withCard = sent.filter((s) => `${s.url} ${s.body}`.includes(CARD)).map((s) => new URL(s.url).pathname);
  assert.deepEqual(withCard, ["/client-api/"]);
});
