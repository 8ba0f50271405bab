package org.keytriage.dist.server;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Options of {@code ./keytriage demo}; bad ones fail with a message that says what is accepted.
 *
 * @param port the HTTP port of KeyTriage on 127.0.0.1 (default 8080)
 * @param requests the workload's size (default 300)
 * @param threads concurrent clients (default 8)
 * @param bundle the folder with payara-micro.jar, keytriage.war and keytriage-simulator.jar
 *     (default: the folder of this jar)
 * @param startTimeoutSeconds how long Payara Micro may take to become ready (default 240)
 */
public record ServerDemoOptions(int port, int requests, int threads, Path bundle, int startTimeoutSeconds) {
  static final String USAGE =
      "usage: keytriage demo [--port N (default 8080)] [--requests N (default 300)] [--threads N (default 8)]";

  public static ServerDemoOptions parse(String[] args, Path defaultBundle) {
    int port = 8080;
    int requests = 300;
    int threads = 8;
    int timeout = 240;
    Path bundle = defaultBundle;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value. " + USAGE);
      }
      String value = args[++i];
      switch (name) {
        case "--port" -> port = number(name, value, 1, 65535);
        case "--requests" -> requests = number(name, value, 0, 1_000_000);
        case "--threads" -> threads = number(name, value, 1, 256);
        case "--start-timeout" -> timeout = number(name, value, 10, 3600);
        case "--bundle" -> bundle = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + name + ". " + USAGE);
      }
    }
    for (String file : new String[] {"payara-micro.jar", "keytriage.war", "keytriage-simulator.jar"}) {
      if (bundle == null || !Files.isRegularFile(bundle.resolve(file))) {
        throw new IllegalArgumentException("the bundle folder " + bundle + " has no " + file
            + "; build it with: mvn -B install -DskipTests");
      }
    }
    return new ServerDemoOptions(port, requests, threads, bundle, timeout);
  }

  private static int number(String name, String raw, int min, int max) {
    try {
      int v = Integer.parseInt(raw);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " takes a whole number from " + min + " to " + max + ", not '" + raw + "'. " + USAGE);
  }
}
