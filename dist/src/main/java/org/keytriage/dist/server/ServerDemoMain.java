package org.keytriage.dist.server;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import org.keytriage.spi.TaskTypes;

/**
 * {@code ./keytriage demo}: simulator and Payara Micro up, workload over HTTP, the guide's report,
 * the six task types through the typed API and one small batch, then KeyTriage stays up with its URLs and demo credentials printed until Ctrl-C, which stops
 * both servers and removes the working folder (a shutdown hook).
 */
public final class ServerDemoMain {
  private ServerDemoMain() {}

  public static void main(String[] args) throws Exception {
    ServerDemoOptions options;
    try {
      options = ServerDemoOptions.parse(args, defaultBundle());
    } catch (IllegalArgumentException e) {
      System.err.println("keytriage: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(run(options, System.out, System.err));
  }

  /** The folder this jar is in: the bundle lays it beside the WAR and Payara Micro. */
  static Path defaultBundle() {
    try {
      Path jar = Path.of(ServerDemoMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return jar.getParent();
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of(".");
    }
  }

  static int run(ServerDemoOptions o, PrintStream out, PrintStream err) throws InterruptedException {
    DemoServers servers = DemoServers.create();
    java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
    Thread stopOnExit = new Thread(() -> {
      stopping.set(true);
      servers.close();
    }, "keytriage-demo-stop");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    try {
      URI simulator = servers.startSimulator(o.bundle());
      out.println("NVIDIA simulator (demo upstream): " + simulator);
      DemoCredentials credentials = DemoCredentials.random();
      servers.startKeyTriage(o.bundle(), o.port(), credentials);
      String base = "http://127.0.0.1:" + o.port();
      ServerClient client = new ServerClient(base, credentials.integratorToken(), DemoCredentials.ADMIN,
          credentials.adminPassword());
      awaitReady(servers.payara(), client, Duration.ofSeconds(o.startTimeoutSeconds()), out);
      out.printf("KeyTriage on Payara Micro: %s; driving %d requests over %d task types from %d threads through"
          + " /v1/chat/completions%n", base, o.requests(), TaskTypes.BUILT_IN.size(), o.threads());
      HttpWorkload workload = new HttpWorkload(client, o.requests(), o.threads(), out);
      workload.run();
      new ServerReport(client, out).print(workload);
      workload.failures().stream().limit(5).forEach(f -> out.println("  failure: " + f));
      new TypedTasksDemo(client, out).run();
      printAccess(out, base, credentials, servers);
      int status = servers.payara().waitFor(); // until Ctrl-C, or Payara stops by itself
      if (stopping.get()) {
        out.println();
        out.println("Stopped KeyTriage and the simulator; removed " + servers.workFolder() + ".");
        return 0;
      }
      err.println("keytriage: Payara Micro stopped by itself (exit status " + status + ")");
      return 1;
    } catch (IllegalStateException | java.io.IOException | java.io.UncheckedIOException e) {
      err.println("keytriage: " + e.getMessage());
      return 1;
    } finally {
      servers.close();
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run: nothing to remove
      }
    }
  }

  private static void awaitReady(ChildProcess payara, ServerClient client, Duration timeout, PrintStream out)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (!client.ready()) {
      if (!payara.isAlive()) {
        throw new IllegalStateException("Payara Micro exited before KeyTriage was ready; its log ends:\n" + payara.tail(30));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("KeyTriage was not ready within " + timeout.toSeconds()
            + " s (see --start-timeout); Payara Micro's log ends:\n" + payara.tail(30));
      }
      out.printf("\r  Starting Payara Micro with KeyTriage ... %d s", (System.nanoTime() - start) / 1_000_000_000L);
      out.flush();
      Thread.sleep(500); // polling /health/ready
    }
    out.printf("\r  KeyTriage ready after %d s (%s/health/ready answers UP)%n",
        (System.nanoTime() - start) / 1_000_000_000L, client.base());
  }

  private static void printAccess(PrintStream out, String base, DemoCredentials c, DemoServers servers) {
    out.println();
    out.println("🚀 KeyTriage is running (Ctrl-C stops it and the simulator)");
    out.println("  OpenAI-compatible API  " + base + "/v1   (X-Task-Type picks the task type; default medical_text_analysis)");
    out.println("  Typed task API         " + base + "/api/v1/tasks/{task type}   " + base + "/api/v1/batches");
    out.println("  Admin console          " + base + "/console   (sign in with the admin or ops login below)");
    out.println("  Operators' API         " + base + "/api/v1/keys  …/metrics  …/health  …/optimization  …/strategies  …/task-types  …/alerts");
    out.println("  Prometheus metrics     " + base + "/prometheus (ops login)   server's own: " + base + "/metrics");
    out.println("  Health probes          " + base + "/health/ready  " + base + "/health/live");
    out.println("  OpenAPI                " + base + "/openapi");
    out.println("  Logs                   " + servers.workFolder() + " (removed on exit)");
    out.println("Integrator token: " + c.integratorToken());
    out.println("Admin login: " + DemoCredentials.ADMIN + " / " + c.adminPassword());
    out.println("Ops login: " + DemoCredentials.OPS + " / " + c.opsPassword());
    out.println("Try:");
    out.println("  curl -s " + base + "/v1/chat/completions -H 'Authorization: Bearer " + c.integratorToken() + "' \\");
    out.println("    -H 'X-Task-Type: genomics_analysis' -H 'Content-Type: application/json' \\");
    out.println("    -d '{\"model\":\"meta/llama-3.1-70b-instruct\",\"messages\":[{\"role\":\"user\",\"content\":\"Interpret APOE rs429358 C/T as JSON\"}]}'");
    out.println("  curl -s " + base + "/api/v1/tasks/medical_text_analysis -H 'Authorization: Bearer " + c.integratorToken()
        + "' \\");
    out.println("    -H 'Content-Type: application/json' -d '{\"text\":\"Persistent cough for two weeks, afebrile.\"}'");
    out.println("  curl -s -u " + DemoCredentials.ADMIN + ":" + c.adminPassword() + " " + base + "/api/v1/keys");
    out.flush();
  }
}
