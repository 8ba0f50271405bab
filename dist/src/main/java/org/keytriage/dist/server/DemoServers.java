package org.keytriage.dist.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The demo's two servers, each its own process: the NVIDIA simulator on a free port and Payara
 * Micro with the KeyTriage WAR at the root context, both on 127.0.0.1 only (Payara with {@code
 * --nocluster --interfaces 127.0.0.1}, its HTTP listener bound to the loopback address). Everything
 * they write goes into one temporary working folder, removed by {@link #close()}.
 */
final class DemoServers implements AutoCloseable {
  private static final Pattern SIM_READY = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

  private final Path work;
  private final List<ChildProcess> processes = new ArrayList<>();
  private URI simulator;
  private ChildProcess payara;

  private DemoServers(Path work) {
    this.work = work;
  }

  static DemoServers create() {
    try {
      return new DemoServers(Files.createTempDirectory("keytriage-demo-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a working folder for the demo", e);
    }
  }

  Path workFolder() {
    return work;
  }

  /** Starts {@code java -jar keytriage-simulator.jar --port 0 --scenario classpath:scenarios/demo.json}. */
  URI startSimulator(Path bundle) throws InterruptedException {
    ChildProcess sim = register(ChildProcess.start("the NVIDIA simulator",
        List.of(java(), "-jar", bundle.resolve("keytriage-simulator.jar").toString(),
            "--port", "0", "--scenario", "classpath:scenarios/demo.json"),
        Map.of(), work.resolve("simulator.log")));
    simulator = URI.create(sim.awaitLine(line -> {
      Matcher m = SIM_READY.matcher(line);
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }, Duration.ofSeconds(60)));
    return simulator;
  }

  /**
   * Lays out the demo configuration (the guide's two files; base URLs from {@code
   * KEYTRIAGE_UPSTREAM_URL}) and starts Payara Micro with it.
   */
  synchronized void startKeyTriage(Path bundle, int port, DemoCredentials credentials) {
    requirePortFree(port);
    Path configDir = work.resolve("keytriage");
    copyResource("/demo/api_keys_config.json", configDir.resolve("config/api_keys_config.json"));
    copyResource("/demo/env.api_keys", configDir.resolve(".env.api_keys"));
    Path properties = work.resolve("keytriage.properties");
    Path preboot = work.resolve("payara-preboot.txt");
    StringBuilder props = new StringBuilder("# the demo's KeyTriage settings (MicroProfile Config via system properties)\n");
    credentials.serverProperties(configDir).forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
    // a master key of the demo's own, so keys can be added and rotated through /api/v1/keys; it goes with
    // the demo's folder (the store is the embedded default under the config dir, as for a first ./keytriage run)
    Path masterKey = work.resolve("master.key");
    write(masterKey, org.keytriage.store.SecretCipher.generate() + "\n");
    props.append("keytriage.master-key-file=").append(masterKey).append('\n');
    write(properties, props.toString());
    // Payara Micro's HTTP listener listens on every interface unless told otherwise
    write(preboot, "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1\n");
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(PayaraJvmOptions.of(bundle));
    command.addAll(List.of("-Djava.io.tmpdir=" + mkdirs(work.resolve("tmp")),
        "-jar", bundle.resolve("payara-micro.jar").toString(),
        "--deploy", bundle.resolve("keytriage.war").toString(), "--contextroot", "/",
        "--port", Integer.toString(port),
        "--nocluster", "--interfaces", "127.0.0.1",
        "--rootdir", work.resolve("payara").toString(),
        "--systemProperties", properties.toString(),
        "--prebootcommandfile", preboot.toString(),
        "--disablephonehome"));
    payara = register(ChildProcess.start("Payara Micro", command,
        Map.of("KEYTRIAGE_UPSTREAM_URL", simulator.toString()), work.resolve("payara.log")));
  }

  synchronized ChildProcess payara() {
    return payara;
  }

  private synchronized ChildProcess register(ChildProcess p) {
    processes.add(p);
    return p;
  }

  private static void requirePortFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
    } catch (IOException e) {
      throw new IllegalStateException("port " + port + " on 127.0.0.1 is in use; pick another with --port N");
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String mkdirs(Path p) {
    try {
      Files.createDirectories(p);
      return p.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path p, String text) {
    try {
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + p, e);
    }
  }

  private static void copyResource(String resource, Path target) {
    try (InputStream in = DemoServers.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("demo resource " + resource + " is missing from the jar");
      }
      Files.createDirectories(target.getParent());
      Files.copy(in, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** Stops Payara Micro, then the simulator, and removes the working folder. Idempotent. */
  @Override
  public synchronized void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
    processes.clear();
    if (Files.exists(work)) {
      try (Stream<Path> files = Files.walk(work)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        System.err.println("could not remove " + work + ": " + e.getMessage());
      }
    }
  }
}
