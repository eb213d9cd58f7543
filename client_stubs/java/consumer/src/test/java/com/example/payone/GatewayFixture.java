package com.example.payone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway fixture process (//client_stubs/cpp:gateway_fixture_main,
 * $PAYONE_GATEWAY_FIXTURE): the simulator and the gateway on loopback, a
 * client token, 2 s of latency for references slow-*, restartable on the same
 * ledger. Its stdout says the port; its stdin takes commands.
 */
final class GatewayFixture implements AutoCloseable {
  static final String TOKEN = "java-client-test-token";
  private static final Pattern EVENT = Pattern.compile("\"event\":\"(\\w+)\"(?:,\"port\":(\\d+))?");

  final String address;
  private final Process process;
  private final BufferedReader answers;
  private final Writer commands;

  GatewayFixture() throws IOException {
    // Set by client_stubs/run_tests.sh (this project may sit anywhere).
    String binary = System.getenv("PAYONE_GATEWAY_FIXTURE");
    if (binary == null || binary.isEmpty()) {
      throw new IllegalStateException("PAYONE_GATEWAY_FIXTURE: the path of //client_stubs/cpp:gateway_fixture_main");
    }
    process = new ProcessBuilder(binary, "--faults=latency=2s,reference=slow-*", "--token=" + TOKEN)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    address = "127.0.0.1:" + answer("listening");
  }

  private String answer(String expected) throws IOException {
    String line = answers.readLine();
    Matcher m = EVENT.matcher(line == null ? "" : line);
    if (!m.find() || !m.group(1).equals(expected)) {
      throw new IllegalStateException("gateway fixture: " + line + ", want " + expected);
    }
    return m.group(2);
  }

  private void command(String line, String expected) throws IOException {
    commands.write(line + "\n");
    commands.flush();
    answer(expected);
  }

  /** Kills the gateway and starts it again on the same port and ledger. */
  void restart() throws IOException {
    command("restart", "restarted");
  }

  void addFault(String rule) throws IOException {
    command("fault " + rule, "fault_added");
  }

  @Override
  public void close() throws Exception {
    commands.close();
    process.waitFor();
  }
}
