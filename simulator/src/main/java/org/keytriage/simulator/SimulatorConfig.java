package org.keytriage.simulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a {@link NvidiaSimulator}. Immutable; defaults: port 0 (an ephemeral port), the
 * system UTC clock, {@link Scenario#empty()}, 256 worker threads and a 5-minute cap on requests
 * that hang without a {@code hang_ms}.
 */
public final class SimulatorConfig {
  /** Worker threads unless told otherwise; idle ones exit, so the number costs nothing unused. */
  public static final int DEFAULT_MAX_THREADS = 256;

  /** How long a request that hangs for ever is actually held before its connection is dropped. */
  public static final Duration DEFAULT_MAX_HANG = Duration.ofMinutes(5);

  private final int port;
  private final Clock clock;
  private final Scenario scenario;
  private final int maxThreads;
  private final Duration maxHang;

  private SimulatorConfig(Builder b) {
    this.port = b.port;
    this.clock = b.clock;
    this.scenario = b.scenario;
    this.maxThreads = b.maxThreads;
    this.maxHang = b.maxHang;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Defaults, with this scenario. */
  public static SimulatorConfig of(Scenario scenario) {
    return builder().scenario(scenario).build();
  }

  /** The port on 127.0.0.1 to bind; 0 picks a free one. */
  public int port() {
    return port;
  }

  /**
   * The clock for the rate limiter's windows and the witness log's timestamps. Tests move it by
   * hand to cross a 60 s window without waiting; latency and hangs still take real time.
   */
  public Clock clock() {
    return clock;
  }

  public Scenario scenario() {
    return scenario;
  }

  /**
   * The most requests handled at once. Hanging and slow requests hold a thread each, so this is
   * large; requests beyond it wait in a queue.
   */
  public int maxThreads() {
    return maxThreads;
  }

  /** How long a {@code hang} with {@code hang_ms = 0} holds its connection before dropping it. */
  public Duration maxHang() {
    return maxHang;
  }

  /** Builds a {@link SimulatorConfig}. */
  public static final class Builder {
    private int port;
    private Clock clock = Clock.systemUTC();
    private Scenario scenario = Scenario.empty();
    private int maxThreads = DEFAULT_MAX_THREADS;
    private Duration maxHang = DEFAULT_MAX_HANG;

    private Builder() {}

    public Builder port(int value) {
      if (value < 0 || value > 65_535) {
        throw new IllegalArgumentException("port must be within 0..65535 (was " + value + ")");
      }
      port = value;
      return this;
    }

    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    public Builder scenario(Scenario value) {
      scenario = Objects.requireNonNull(value, "scenario");
      return this;
    }

    /** Loads the scenario from a file. */
    public Builder scenario(Path file) {
      return scenario(Scenario.load(file));
    }

    /** Loads the scenario from {@code classpath:resource} or a file path. */
    public Builder scenario(String location) {
      return scenario(Scenario.load(location));
    }

    public Builder maxThreads(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxThreads must be >= 1 (was " + value + ")");
      }
      maxThreads = value;
      return this;
    }

    public Builder maxHang(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("maxHang must not be negative (was " + value + ")");
      }
      maxHang = value;
      return this;
    }

    public SimulatorConfig build() {
      return new SimulatorConfig(this);
    }
  }
}
