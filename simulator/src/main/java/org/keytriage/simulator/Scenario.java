package org.keytriage.simulator;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.keytriage.simulator.internal.ScenarioJson;

/**
 * The keys a simulator knows and how each behaves, plus the seed that makes latency jitter and
 * injected errors repeatable. Immutable.
 *
 * <p>The JSON form (see {@code scenarios/demo.json} on the classpath):
 *
 * <pre>{@code
 * {"seed": 42, "accept_unknown_keys": false,
 *  "keys": [{"api_key": "sim-medical-text-key-01", "label": "medical_text_primary",
 *            "rpm": 0, "tpm": 0, "latency_ms": 20, "jitter_ms": 10, ...}]}
 * }</pre>
 *
 * Each key object carries {@code api_key} and any of the {@link KeyBehaviour} settings by their
 * snake_case names; missing settings take their defaults. Unknown fields are rejected, so that a
 * misspelt setting fails loudly rather than being silently ignored. Defaults: seed 0, no keys, and
 * unknown keys refused with 401.
 */
public final class Scenario {
  private static final Scenario EMPTY = builder().build();

  private final long seed;
  private final boolean acceptUnknownKeys;
  private final Map<String, KeyBehaviour> keys;

  private Scenario(Builder b) {
    this.seed = b.seed;
    this.acceptUnknownKeys = b.acceptUnknownKeys;
    this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(b.keys));
  }

  /** No keys, seed 0, unknown keys refused. */
  public static Scenario empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a scenario from JSON text.
   *
   * @throws ScenarioException naming the field at fault
   */
  public static Scenario parse(String json) {
    return ScenarioJson.parse(json, "scenario");
  }

  /**
   * Reads a scenario file.
   *
   * @throws ScenarioException if the file cannot be read or is not a valid scenario
   */
  public static Scenario load(Path file) {
    return ScenarioJson.load(file);
  }

  /**
   * Reads a scenario from {@code classpath:some/resource.json} or from a file path.
   *
   * @throws ScenarioException if it cannot be found, read or understood
   */
  public static Scenario load(String location) {
    return ScenarioJson.load(location);
  }

  /** Seeds the jitter and error draws; default 0. */
  public long seed() {
    return seed;
  }

  /** Whether a key not listed is served with {@link KeyBehaviour#defaults()}; default false. */
  public boolean acceptUnknownKeys() {
    return acceptUnknownKeys;
  }

  /** API key to behaviour, in the order given. */
  public Map<String, KeyBehaviour> keys() {
    return keys;
  }

  public Builder toBuilder() {
    Builder b = builder().seed(seed).acceptUnknownKeys(acceptUnknownKeys);
    keys.forEach(b::key);
    return b;
  }

  @Override
  public String toString() {
    // Labels only: a scenario's keys are secrets in spirit even when they are fake.
    return "Scenario[seed="
        + seed
        + ", acceptUnknownKeys="
        + acceptUnknownKeys
        + ", keys="
        + keys.values().stream().map(KeyBehaviour::label).toList()
        + "]";
  }

  /** Builds a {@link Scenario}; labels must be unique among the keys. */
  public static final class Builder {
    private long seed;
    private boolean acceptUnknownKeys;
    private final Map<String, KeyBehaviour> keys = new LinkedHashMap<>();

    private Builder() {}

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public Builder acceptUnknownKeys(boolean value) {
      acceptUnknownKeys = value;
      return this;
    }

    /** Adds or replaces a key. */
    public Builder key(String apiKey, KeyBehaviour behaviour) {
      Objects.requireNonNull(apiKey, "apiKey");
      Objects.requireNonNull(behaviour, "behaviour");
      if (apiKey.isBlank()) {
        throw new ScenarioException("api_key must not be blank");
      }
      keys.put(apiKey, behaviour);
      return this;
    }

    /**
     * @throws ScenarioException if two keys share a label
     */
    public Scenario build() {
      Set<String> labels = new HashSet<>();
      for (KeyBehaviour b : keys.values()) {
        if (b.label() != null && !labels.add(b.label())) {
          throw new ScenarioException("label '" + b.label() + "' is used by more than one key");
        }
      }
      return new Scenario(this);
    }
  }
}
