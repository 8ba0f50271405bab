package org.keytriage.dist.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bundle end to end, as a user runs it: {@code ./keytriage demo} (without building) starts the
 * simulator and Payara Micro, drives the workload and stays up; the test calls it as an integrator
 * and as an admin, then stops it like Ctrl-C would and checks that no process, port or temp folder
 * is left.
 */
class BundleSmokeIT {
  private static final Pattern TOKEN = Pattern.compile("^Integrator token: (\\S+)$");
  private static final Pattern ADMIN = Pattern.compile("^Admin login: (\\S+) / (\\S+)$");
  private static final Pattern WORK = Pattern.compile("Logs\\s+(\\S+) \\(removed on exit\\)");

  private final List<String> output = Collections.synchronizedList(new ArrayList<>());
  private Process launcher;
  private List<ProcessHandle> started = List.of();

  @AfterEach
  void noProcessLeftBehind() throws Exception {
    if (launcher != null && launcher.isAlive()) {
      launcher.destroyForcibly();
    }
    for (ProcessHandle p : started) {
      p.destroyForcibly();
    }
  }

  @Test
  void theLaunchersDemoServesOverHttpAndStopsCleanly() throws Exception {
    int port = freePort();
    ProcessBuilder pb = new ProcessBuilder("bash", System.getProperty("keytriage.launcher"), "demo",
        "--port", Integer.toString(port), "--requests", "36", "--threads", "4").redirectErrorStream(true);
    pb.environment().put("KEYTRIAGE_SKIP_BUILD", "1");
    pb.environment().put("KEYTRIAGE_BUNDLE", System.getProperty("keytriage.bundle"));
    launcher = pb.start();
    Thread reader = new Thread(this::readOutput, "launcher-output");
    reader.setDaemon(true);
    reader.start();

    String token = await(TOKEN, 1);
    Matcher admin = ADMIN.matcher(await(ADMIN, 0));
    assertThat(admin.matches()).isTrue();
    String user = admin.group(1);
    String password = admin.group(2);
    // the launcher exec's the demo's JVM, which started the simulator and Payara Micro
    started = launcher.descendants().toList();
    assertThat(started).hasSizeGreaterThanOrEqualTo(2);

    String text = String.join("\n", output);
    assertThat(text).contains("✅ Task-specific key allocation", "(100.0%)", "📊 Usage metrics and cost analysis",
        "failed for the client: 0", "🔄 Load balancing", "💡 Optimization score:", "🩺 Status:", "36/36 requests",
        "🧪 Typed task API", "PRS 0.80 from 2 of 3 variants", "📦 Batch", "completed: 24 served, 0 failed");
    assertThat(text).doesNotContain("Synthetic patient presents").doesNotContain(" failed: HTTP");
    assertThat(text).doesNotContain("sim-medical-text-key-01").doesNotContain("sim-shared-backup-key-01");

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    String base = "http://127.0.0.1:" + port;
    HttpResponse<String> chat = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
        .header("Authorization", "Bearer " + token).header("X-Task-Type", "genomics_analysis")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"model\":\"meta/llama-3.1-70b-instruct\",\"messages\":[{\"role\":\"user\",\"content\":\"Interpret APOE rs429358 C/T\"}]}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
    assertThat(chat.body()).contains("\"chat.completion\"");

    String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> keys = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/keys"))
        .header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(keys.statusCode()).as(keys.body()).isEqualTo(200);
    assertThat(keys.body()).contains("\"key_id\":\"general_backup\"").doesNotContain("sim-shared-backup-key-01");
    HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(200);

    Path work = Path.of(await(WORK, 1));
    assertThat(work).exists();
    // secrets never reach a log: not the NVIDIA keys, not the demo's token or password
    String payaraLog = Files.readString(work.resolve("payara.log"));
    assertThat(payaraLog).contains("KeyTriage started")
        .doesNotContain("sim-medical-text-key-01").doesNotContain("sim-shared-backup-key-01")
        .doesNotContain(token).doesNotContain(password);

    launcher.destroy(); // SIGTERM, as Ctrl-C's SIGINT would: the demo's shutdown hook stops both servers
    assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).as("the launcher exits").isTrue();
    for (ProcessHandle p : started) {
      p.onExit().get(30, TimeUnit.SECONDS);
      assertThat(p.isAlive()).as("process %s", p.pid()).isFalse();
    }
    assertThat(portOpen(port)).as("port %s closed", port).isFalse();
    assertThat(work).doesNotExist();
  }

  private void readOutput() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        // the progress line rewrites itself with \r: keep its last state
        String[] parts = line.split("\r");
        output.add(parts[parts.length - 1]);
      }
    } catch (IOException e) {
      // the launcher ended
    }
  }

  private String await(Pattern pattern, int group) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (System.nanoTime() < deadline) {
      Optional<String> found;
      synchronized (output) {
        found = output.stream().map(pattern::matcher).filter(Matcher::find).findFirst().map(m -> m.group(group));
      }
      if (found.isPresent()) {
        return found.get();
      }
      if (!launcher.isAlive()) {
        throw new AssertionError("the launcher exited (" + launcher.exitValue() + "):\n" + String.join("\n", output));
      }
      Thread.sleep(200); // polling the launcher's output
    }
    throw new AssertionError("no line matching " + pattern + " in:\n" + String.join("\n", output));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static boolean portOpen(int port) {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
