package org.keytriage.dist.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Payara Micro process deploying the bundle's WAR on 127.0.0.1, for the end-to-end tests: its
 * own root, unpack and log folders under {@code dir}, HTTP bound to the loopback address, the grid
 * on the loopback interface (a TCP-IP member list, or no cluster).
 */
final class PayaraNode implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final String name;
  private final int httpPort;
  private final ChildProcess process;

  private PayaraNode(String name, int httpPort, ChildProcess process) {
    this.name = name;
    this.httpPort = httpPort;
    this.process = process;
  }

  /**
   * Starts the node (without waiting for it).
   *
   * @param cluster {@code --clustermode tcpip:…} with {@code --startport}, or empty for {@code --nocluster}
   */
  static PayaraNode start(String name, Path bundle, Path dir, int httpPort, Path properties, List<String> cluster)
      throws IOException {
    // a fresh root and temp folder for every start, as ./keytriage run does: Payara Micro would deploy
    // the WAR a previous start left in its root a second time, beside --deploy's
    Path run = Files.createDirectories(dir.resolve("run-" + System.nanoTime()));
    Path tmp = Files.createDirectories(run.resolve("tmp"));
    Path preboot = dir.resolve("payara-preboot.txt");
    Files.writeString(preboot, "set configs.config.server-config.network-config.network-listeners"
        + ".network-listener.http-listener.address=127.0.0.1\n");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-Djava.io.tmpdir=" + tmp,
        "-Dhazelcast.socket.bind.any=false",
        "-jar", bundle.resolve("payara-micro.jar").toString(),
        "--deploy", bundle.resolve("keytriage.war").toString(), "--contextroot", "/",
        "--name", name, "--port", Integer.toString(httpPort), "--interfaces", "127.0.0.1", "--nohostaware",
        "--disablephonehome",
        "--rootdir", run.resolve("payara").toString(),
        "--systemProperties", properties.toString(),
        "--prebootcommandfile", preboot.toString()));
    command.addAll(cluster.isEmpty() ? List.of("--nocluster") : cluster);
    Path log = dir.resolve("payara-" + run.getFileName() + ".log");
    return new PayaraNode(name, httpPort, ChildProcess.start("Payara Micro " + name, command, Map.of(), log));
  }

  String name() {
    return name;
  }

  String base() {
    return "http://127.0.0.1:" + httpPort;
  }

  Path log() {
    return process.log();
  }

  /** Waits until {@code /health/ready} answers 200; fails with the log's tail if the process ends or time runs out. */
  void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited:\n" + process.tail(40));
      }
      try {
        if (HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/health/ready")).timeout(Duration.ofSeconds(5))
            .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500); // polling readiness
    }
    throw new AssertionError(name + " not ready within " + timeout.toSeconds() + " s:\n" + process.tail(40));
  }

  /** SIGTERM, as an orchestrator stops it: the server shuts down cleanly (logs flushed), then it is gone. */
  @Override
  public void close() {
    process.close();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
