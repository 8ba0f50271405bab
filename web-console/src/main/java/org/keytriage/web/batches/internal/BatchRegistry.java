package org.keytriage.web.batches.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.keytriage.core.batch.Batch;
import org.keytriage.web.errors.ApiException;

/**
 * The batches this node holds, in memory: at most {@code maxBatches} at once, running or finished;
 * a finished batch expires {@code retention} after it finished and is dropped on the next look.
 * Running batches never expire. Thread-safe.
 */
public final class BatchRegistry {
  /** Retry-After for a full registry when no finished batch is due to expire: a minute. */
  static final long DEFAULT_RETRY_SECONDS = 60;

  private final int maxBatches;
  private final Duration retention;
  private final Clock clock;
  private final Map<String, Batch> batches = new ConcurrentHashMap<>();

  /**
   * @param maxBatches batches held at once, at least 1
   * @param retention how long a finished batch stays readable
   * @param clock the time source for creation, finishing and expiry
   */
  public BatchRegistry(int maxBatches, Duration retention, Clock clock) {
    if (maxBatches < 1) {
      throw new IllegalArgumentException("maxBatches must be >= 1, was " + maxBatches);
    }
    this.maxBatches = maxBatches;
    this.retention = Objects.requireNonNull(retention, "retention");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Registers a new batch with a random id.
   *
   * @throws ApiException 503 {@code too_many_batches} with Retry-After when {@code maxBatches} are held
   */
  public synchronized Batch create(String owner, String taskType, List<Map<String, Object>> inputs) {
    purgeExpired();
    if (batches.size() >= maxBatches) {
      throw new ApiException(503, "too_many_batches", "Too many batches",
          "KeyTriage holds " + maxBatches + " batches already (keytriage.batch.max-batches); a finished batch is"
              + " dropped " + retention.toMinutes() + " min after it finished (keytriage.batch.retention-minutes).",
          Map.of("Retry-After", Long.toString(retryAfterSeconds())));
    }
    Batch batch = new Batch("b-" + UUID.randomUUID(), owner, taskType, inputs, clock);
    batches.put(batch.id(), batch);
    return batch;
  }

  /** The batch, unless it is unknown or has expired. */
  public Optional<Batch> find(String id) {
    purgeExpired();
    return id == null ? Optional.empty() : Optional.ofNullable(batches.get(id));
  }

  /** Drops every finished batch whose retention has passed. */
  public void purgeExpired() {
    Instant now = clock.instant();
    batches.values().removeIf(b -> b.finishedAt().map(f -> !f.plus(retention).isAfter(now)).orElse(false));
  }

  /** Batches held now, expired ones not yet purged included. */
  public int size() {
    return batches.size();
  }

  /** Every batch held, e.g. to cancel them all at shutdown. */
  public List<Batch> all() {
    return List.copyOf(batches.values());
  }

  private long retryAfterSeconds() {
    Instant now = clock.instant();
    return batches.values().stream()
        .flatMap(b -> b.finishedAt().stream())
        .map(f -> Duration.between(now, f.plus(retention)).toSeconds() + 1)
        .min(Long::compare)
        .map(s -> Math.max(1, s))
        .orElse(DEFAULT_RETRY_SECONDS);
  }
}
