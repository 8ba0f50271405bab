package org.keytriage.simulator;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import org.keytriage.simulator.internal.CliOptions;

/**
 * The command line: {@code java -jar keytriage-simulator.jar [--port 8089] [--scenario
 * FILE|classpath:scenarios/demo.json]}. Defaults: port 8089, the bundled demo scenario. Prints
 * {@code NVIDIA simulator listening on http://127.0.0.1:<port>} once ready and serves until the
 * process is stopped. Exit status 2 for bad arguments, 1 for a bad scenario or a busy port.
 */
public final class SimulatorMain {
  private SimulatorMain() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Starts a simulator as the command line would and prints the ready line to {@code out}; the
   * caller owns the result and closes it. This is what {@link #main} uses, and tests call it
   * in-process.
   *
   * @throws IllegalArgumentException for bad arguments, including {@code --help}
   * @throws ScenarioException for a scenario that cannot be loaded
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static NvidiaSimulator launch(String[] args, PrintStream out) {
    CliOptions options = CliOptions.parse(args);
    if (options.help()) {
      throw new IllegalArgumentException("--help asks for usage, not a simulator");
    }
    Scenario scenario = Scenario.load(options.scenario());
    NvidiaSimulator simulator =
        NvidiaSimulator.start(
            SimulatorConfig.builder().port(options.port()).scenario(scenario).build());
    out.println("NVIDIA simulator listening on " + simulator.baseUri());
    out.flush();
    return simulator;
  }

  /** Runs until the process is stopped; returns an exit status only when it could not start. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    CliOptions options;
    try {
      options = CliOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println(CliOptions.USAGE);
      return 2;
    }
    if (options.help()) {
      out.println(CliOptions.USAGE);
      return 0;
    }
    NvidiaSimulator simulator;
    try {
      simulator = launch(args, out);
    } catch (ScenarioException | UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "nvidia-sim-shutdown"));
    try {
      new CountDownLatch(1).await(); // serve until the process is stopped
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      simulator.close();
    }
    return 0;
  }
}
