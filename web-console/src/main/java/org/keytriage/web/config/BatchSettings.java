package org.keytriage.web.config;

import java.time.Duration;

/**
 * The {@code keytriage.batch.*} settings of {@code /api/v1/batches}, with their defaults:
 *
 * <table>
 *   <caption>Batch properties and defaults</caption>
 *   <tr><th>property</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value WebSettings#BATCH_MAX_ITEMS}</td><td>1000</td><td>items in one batch; more get 400</td></tr>
 *   <tr><td>{@value WebSettings#BATCH_CONCURRENCY}</td><td>4</td><td>items of one batch in flight at once</td></tr>
 *   <tr><td>{@value WebSettings#BATCH_THREADS}</td><td>16</td>
 *       <td>threads for all batches together; a batch beyond them waits its turn</td></tr>
 *   <tr><td>{@value WebSettings#BATCH_MAX_BATCHES}</td><td>100</td>
 *       <td>batches held in memory, running or finished; a new one beyond gets 503 with Retry-After</td></tr>
 *   <tr><td>{@value WebSettings#BATCH_RETENTION}</td><td>60</td>
 *       <td>minutes a finished (completed or cancelled) batch stays readable before it is dropped</td></tr>
 *   <tr><td>{@value WebSettings#BATCH_MAX_REQUEST_BYTES}</td><td>16777216 (16 MiB)</td>
 *       <td>larger batch bodies get 413 (a batch carries many records, so it has its own limit)</td></tr>
 * </table>
 *
 * @param maxItems most items in one batch
 * @param concurrency items of one batch in flight at once
 * @param threads worker threads shared by all batches
 * @param maxBatches batches kept in memory, running or finished
 * @param retention how long a finished batch stays readable
 * @param maxRequestBytes largest batch request body
 */
public record BatchSettings(
    int maxItems, int concurrency, int threads, int maxBatches, Duration retention, long maxRequestBytes) {

  public static final int DEFAULT_MAX_ITEMS = 1000;
  public static final int DEFAULT_CONCURRENCY = 4;
  public static final int DEFAULT_THREADS = 16;
  public static final int DEFAULT_MAX_BATCHES = 100;
  public static final long DEFAULT_RETENTION_MINUTES = 60;
  public static final long DEFAULT_MAX_REQUEST_BYTES = 16L * 1024 * 1024;

  public BatchSettings {
    if (maxItems < 1 || concurrency < 1 || threads < 1 || maxBatches < 1 || maxRequestBytes < 1) {
      throw new IllegalArgumentException("batch settings must be positive");
    }
    if (retention == null || retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("batch retention must be positive");
    }
  }

  /** Every setting at its default. */
  public static BatchSettings defaults() {
    return new BatchSettings(DEFAULT_MAX_ITEMS, DEFAULT_CONCURRENCY, DEFAULT_THREADS, DEFAULT_MAX_BATCHES,
        Duration.ofMinutes(DEFAULT_RETENTION_MINUTES), DEFAULT_MAX_REQUEST_BYTES);
  }
}
