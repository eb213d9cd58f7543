package com.payonegateway.client;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway the tests call: $PAYONE_GATEWAY_ADDRESS when the test command
 * started one, else bazel-bin/service/payone_gateway (or
 * $PAYONE_GATEWAY_BINARY) started here on its embedded simulator with 2 s of
 * latency for references slow-*.
 */
final class GatewayProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("\"event\":\"listening\",\"port\":(\\d+)");
  final String address;
  private final Process process;

  GatewayProcess() throws Exception {
    String given = System.getenv("PAYONE_GATEWAY_ADDRESS");
    if (given != null && !given.isEmpty()) {
      address = given;
      process = null;
      return;
    }
    String binary = System.getenv("PAYONE_GATEWAY_BINARY");
    if (binary == null || binary.isEmpty()) {
      binary = Path.of("../../bazel-bin/service/payone_gateway").toAbsolutePath().toString();
    }
    process = new ProcessBuilder(binary, "--listen=127.0.0.1:0", "--metrics_address=off",
            "--simulator_faults=latency=2s,reference=slow-*")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    BufferedReader stderr = new BufferedReader(
        new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    String found = null;
    for (String line; found == null && (line = stderr.readLine()) != null; ) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) found = "127.0.0.1:" + m.group(1);
    }
    if (found == null) throw new IllegalStateException("the gateway did not report its port");
    address = found;
    Thread drain = new Thread(() -> { try { stderr.transferTo(java.io.Writer.nullWriter()); } catch (Exception e) { } });
    drain.setDaemon(true);
    drain.start();
  }

  @Override
  public void close() throws Exception {
    if (process != null) {
      process.destroy(); // SIGTERM
      process.waitFor();
    }
  }
}
