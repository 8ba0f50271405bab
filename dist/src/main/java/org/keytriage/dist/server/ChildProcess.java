package org.keytriage.dist.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A process the demo started (the simulator, Payara Micro), its output in a log file. Stopping
 * asks politely (SIGTERM) and then insists, and waits until it has exited.
 */
final class ChildProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ChildProcess start(String name, List<String> command, Map<String, String> env, Path log) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    pb.environment().putAll(env);
    try {
      return new ChildProcess(name, pb.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name + ": " + e.getMessage(), e);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /**
   * Waits until the log has a line {@code parse} accepts, and returns what it made of it.
   *
   * @throws IllegalStateException if the process ends first or {@code timeout} passes, with the log's tail
   */
  <T> T awaitLine(Function<String, Optional<T>> parse, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : lines()) {
        Optional<T> found = parse.apply(line);
        if (found.isPresent()) {
          return found.get();
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with status " + process.exitValue() + ":\n" + tail(20));
      }
      Thread.sleep(100); // polling a log file: nothing to wait on
    }
    throw new IllegalStateException(name + " did not start within " + timeout.toSeconds() + " s:\n" + tail(20));
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until the process ends; its exit status. */
  int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  Path log() {
    return log;
  }

  String name() {
    return name;
  }

  /** The last {@code n} lines of the log, for a person. */
  String tail(int n) {
    List<String> lines = lines();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
  }

  private List<String> lines() {
    try {
      return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }

  /** SIGTERM, up to 20 s to exit, then SIGKILL; its children too. Idempotent. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    descendants.forEach(ProcessHandle::destroyForcibly);
  }
}
