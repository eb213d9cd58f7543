// The gateway fixture process (//client_stubs/cpp:gateway_fixture_main,
// $PAYONE_GATEWAY_FIXTURE): the simulator and the gateway on loopback, a client
// token, 2 s of latency for references slow-*, restartable on the same ledger.
// Its stdout says the port; its stdin takes commands.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createInterface, type Interface } from "node:readline";

export const TOKEN = "typescript-client-test-token";

export class GatewayFixture {
  address = "";
  private readonly process: ChildProcess;
  private readonly lines: AsyncIterator<string>;

  private constructor() {
    // Set by client_stubs/run_tests.sh: these tests run in a consumer project
    // outside the source tree, against the installed package.
    const binary = process.env.PAYONE_GATEWAY_FIXTURE;
    if (!binary) throw new Error("PAYONE_GATEWAY_FIXTURE: the path of //client_stubs/cpp:gateway_fixture_main");
    this.process = spawn(binary, ["--faults=latency=2s,reference=slow-*", `--token=${TOKEN}`],
      { stdio: ["pipe", "pipe", "inherit"] });
    const reader: Interface = createInterface({ input: this.process.stdout! });
    this.lines = reader[Symbol.asyncIterator]();
  }

  static async start(): Promise<GatewayFixture> {
    const fixture = new GatewayFixture();
    fixture.address = `127.0.0.1:${(await fixture.answer("listening")).port}`;
    return fixture;
  }

  private async answer(expected: string): Promise<{ event: string; port?: number }> {
    const { value, done } = await this.lines.next();
    const event = done ? {} : JSON.parse(value);
    if (event.event !== expected) throw new Error(`gateway fixture: ${value}, want ${expected}`);
    return event;
  }

  private async command(line: string, expected: string): Promise<void> {
    this.process.stdin!.write(`${line}\n`);
    await this.answer(expected);
  }

  /** Kills the gateway and starts it again on the same port and ledger. */
  restart(): Promise<void> {
    return this.command("restart", "restarted");
  }

  addFault(rule: string): Promise<void> {
    return this.command(`fault ${rule}`, "fault_added");
  }

  async close(): Promise<void> {
    this.process.stdin!.end();
    if (this.process.exitCode === null) await once(this.process, "exit");
  }
}
