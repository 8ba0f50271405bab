package org.keytriage.simulator;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.keytriage.simulator.internal.SimulatorServer;

/**
 * A local look-alike of NVIDIA's AI APIs, listening on 127.0.0.1 only, for tests, demos and
 * benchmarks. Each API key behaves as its {@link KeyBehaviour} says (own rate limits, latency,
 * injected errors, hangs, broken streams, revocation), and every request with a known key is
 * recorded in the {@link #witness() witness log}, from which a test can prove that a gateway kept
 * within each key's limits.
 *
 * <p>Endpoints (Bearer auth): {@code POST /v1/chat/completions} (plain and streamed), {@code GET
 * /v1/models}, {@code POST /v1/biology/arc/evo2/generate}. Admin endpoints (no auth, loopback):
 * {@code GET /admin/witness}, {@code GET /admin/witness/violations}, {@code GET|PUT
 * /admin/keys/{label}}, {@code POST /admin/reset}, {@code GET /admin/scenario}.
 *
 * <pre>{@code
 * try (NvidiaSimulator sim = NvidiaSimulator.start(SimulatorConfig.builder()
 *     .scenario("classpath:scenarios/demo.json").clock(testClock).build())) {
 *   URI base = sim.baseUri(); // http://127.0.0.1:<port>
 *   ...
 *   assertThat(sim.witness().maxRequestsInAnyWindow("batch_primary", Duration.ofSeconds(60), true))
 *       .isLessThanOrEqualTo(30);
 * }
 * }</pre>
 */
public final class NvidiaSimulator implements AutoCloseable {
  private final SimulatorServer server;
  private final WitnessLog witness;

  private NvidiaSimulator(SimulatorServer server, WitnessLog witness) {
    this.server = server;
    this.witness = witness;
  }

  /**
   * Binds 127.0.0.1 on the configured port and starts serving.
   *
   * @throws java.io.UncheckedIOException if the port cannot be bound
   */
  public static NvidiaSimulator start(SimulatorConfig config) {
    Objects.requireNonNull(config, "config");
    WitnessLog witness = new WitnessLog();
    return new NvidiaSimulator(SimulatorServer.start(config, witness), witness);
  }

  /** The port actually bound (the ephemeral one when configured with 0). */
  public int port() {
    return server.port();
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** The live witness log of this simulator. */
  public WitnessLog witness() {
    return witness;
  }

  /**
   * Adds a key or changes a key's behaviour; requests already in flight finish under the old one.
   * The key's rate-limit window carries on. A null label keeps the key's current label (or, for a
   * new key, "…" plus its last four characters).
   *
   * @throws IllegalArgumentException if another key already has the label
   */
  public void setBehaviour(String apiKey, KeyBehaviour behaviour) {
    server.setBehaviour(apiKey, Objects.requireNonNull(behaviour, "behaviour"));
  }

  /** The current behaviour of the key with this label. */
  public Optional<KeyBehaviour> behaviour(String label) {
    return server.behaviourOf(label);
  }

  /** Clears the witness log and every key's rate-limit window, as {@code POST /admin/reset}. */
  public void reset() {
    server.reset();
  }

  /**
   * Stops serving: requests held by a hang or a delay have their connections dropped, the port is
   * released and every worker thread has ended when this returns. Idempotent.
   */
  @Override
  public void close() {
    server.close();
  }
}
