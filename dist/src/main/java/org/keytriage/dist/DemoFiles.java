package org.keytriage.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Lays the demo's {@code config/api_keys_config.json} and {@code .env.api_keys} out in a temporary
 * working directory, exactly as a hospital would have them, and removes it again.
 */
final class DemoFiles implements AutoCloseable {
  private final Path dir;

  private DemoFiles(Path dir) {
    this.dir = dir;
  }

  static DemoFiles extract() {
    try {
      Path dir = Files.createTempDirectory("keytriage-demo-");
      Files.createDirectories(dir.resolve("config"));
      copy("/demo/api_keys_config.json", dir.resolve("config/api_keys_config.json"));
      copy("/demo/env.api_keys", dir.resolve(".env.api_keys"));
      return new DemoFiles(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo configuration to a temp directory", e);
    }
  }

  private static void copy(String resource, Path target) throws IOException {
    try (InputStream in = DemoFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("demo resource " + resource + " is missing from the jar");
      }
      Files.copy(in, target);
    }
  }

  Path configFile() {
    return dir.resolve("config/api_keys_config.json");
  }

  Path envFile() {
    return dir.resolve(".env.api_keys");
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("could not remove " + dir + ": " + e.getMessage());
    }
  }
}
