// Starts the example checkout (server.ts):
//   node dist/examples/checkout/main.js [--gateway=HOST:PORT] [--port=8080]
// Without --gateway (or $PAYONE_GATEWAY_ADDRESS) it starts the development
// gateway ($PAYONE_GATEWAY_DEV_BINARY, payone_gateway_dev): PAYONE simulator, account demo-saq. `./dev
// checkout` builds the gateway and the package, installs the package into a
// consumer project (consumer/install.sh) and runs this there.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { startCheckout } from "./server";

function flag(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

async function startGateway(): Promise<{ address: string; process: ChildProcess }> {
  const binary = process.env.PAYONE_GATEWAY_DEV_BINARY;
  if (!binary) throw new Error("--gateway=HOST:PORT or PAYONE_GATEWAY_DEV_BINARY (//service:payone_gateway_dev)");
  const gateway = spawn(binary, ["--listen=127.0.0.1:0", "--metrics_address=off"],
    { stdio: ["ignore", "inherit", "pipe"] });
  for await (const line of createInterface({ input: gateway.stderr! })) {
    process.stderr.write(`${line}\n`);
    if (!line.startsWith("{")) continue;
    const event = JSON.parse(line);
    if (event.event === "listening") {
      gateway.stderr!.pipe(process.stderr);
      return { address: `127.0.0.1:${event.port}`, process: gateway };
    }
  }
  throw new Error(`the gateway (${binary}) did not start`);
}

async function main(): Promise<void> {
  let address = flag("gateway") ?? process.env.PAYONE_GATEWAY_ADDRESS;
  let gateway: ChildProcess | undefined;
  if (!address) ({ address, process: gateway } = await startGateway());
  const checkout = await startCheckout({
    gatewayAddress: address,
    account: flag("account") ?? "demo-saq",
    port: Number(flag("port") ?? "8080"),
    onRequest: (r) => console.log(`checkout: ${r.method} ${r.url.split("?")[0]}`),
  });
  console.log(`checkout: shop at ${checkout.url}/ , back office at ${checkout.url}/backoffice (gateway ${address})`);
  const stop = async () => {
    await checkout.close();
    gateway?.kill("SIGTERM");
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
