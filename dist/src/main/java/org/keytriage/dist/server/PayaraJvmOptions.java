package org.keytriage.dist.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JVM options the bundle starts Payara Micro with: {@code payara-jvm.options} beside it, one
 * per line, {@code #} comments and blank lines skipped; none when the file is not there. The
 * launcher script reads the same file, so every way of starting the server starts it alike.
 */
final class PayaraJvmOptions {
  static final String FILE = "payara-jvm.options";

  private PayaraJvmOptions() {}

  static List<String> of(Path bundle) {
    Path file = bundle.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file).stream().map(String::trim)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
