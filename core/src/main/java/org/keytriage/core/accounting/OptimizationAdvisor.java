package org.keytriage.core.accounting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the metrics and says what to change. Thresholds (defaults): success rate under {@value
 * #LOW_SUCCESS_PERCENT} % over at least {@value #MIN_CALLS_FOR_SUCCESS_RATE} calls; a key at {@value
 * #NEAR_LIMIT_UTILISATION} of a limit; a cheaper key "has headroom" under {@value
 * #HEADROOM_UTILISATION} utilisation and is suggested once the pricier key has carried {@value
 * #MIN_CALLS_FOR_COST_ADVICE} calls of the task; a key is idle after {@value
 * #MIN_CALLS_FOR_IDLE_ADVICE} calls went elsewhere.
 */
public final class OptimizationAdvisor {
  static final double LOW_SUCCESS_PERCENT = 90.0;
  static final long MIN_CALLS_FOR_SUCCESS_RATE = 5;
  static final double NEAR_LIMIT_UTILISATION = 0.8;
  static final double HEADROOM_UTILISATION = 0.5;
  static final long MIN_CALLS_FOR_COST_ADVICE = 10;
  static final long MIN_CALLS_FOR_IDLE_ADVICE = 20;

  /** The default age after which a key's secret should be rotated. */
  public static final java.time.Duration DEFAULT_ROTATION_MAX_AGE = java.time.Duration.ofDays(90);

  public OptimizationReport advise(MetricsSnapshot metrics, Collection<String> taskTypes) {
    return advise(metrics, taskTypes, Map.of(), DEFAULT_ROTATION_MAX_AGE);
  }

  /**
   * @param rotatedAt when each key's secret was last set, where known; a key whose secret is older
   *     than {@code rotationMaxAge} at the snapshot's time gets a {@link RecommendationType#ROTATION_DUE}
   */
  public OptimizationReport advise(MetricsSnapshot metrics, Collection<String> taskTypes,
      Map<String, java.time.Instant> rotatedAt, java.time.Duration rotationMaxAge) {
    Collection<KeyMetrics> keys = metrics.keyMetrics().values();
    List<KeyMetrics> sorted =
        keys.stream().sorted(Comparator.comparing(KeyMetrics::keyId)).toList();
    List<Recommendation> out = new ArrayList<>();
    for (KeyMetrics k : sorted) {
      adviseOnKey(k, metrics.totalRequests(), out);
    }
    for (String task : taskTypes.stream().sorted().toList()) {
      adviseOnTask(task, sorted, metrics.taskDistribution().getOrDefault(task, Map.of()), out);
    }
    for (KeyMetrics k : sorted) {
      java.time.Instant set = rotatedAt.get(k.keyId());
      if (set != null && set.plus(rotationMaxAge).isBefore(metrics.timestamp())) {
        long days = java.time.Duration.between(set, metrics.timestamp()).toDays();
        out.add(RecommendationType.ROTATION_DUE.recommend(k.keyId(), "Key " + k.keyId() + "'s secret is " + days
            + " days old (rotated " + set.truncatedTo(java.time.temporal.ChronoUnit.DAYS).toString().substring(0, 10)
            + "; the policy is " + rotationMaxAge.toDays() + " days). Rotate it with POST /api/v1/keys/" + k.keyId()
            + "/rotate."));
      }
    }
    return OptimizationReport.of(out);
  }

  private static void adviseOnKey(KeyMetrics k, long totalRequests, List<Recommendation> out) {
    if (k.quarantined()) {
      out.add(
          RecommendationType.INACTIVE_KEY.recommend(
              k.keyId(),
              "Key " + k.keyId() + " is quarantined: the upstream rejected its credentials."
                  + " Rotate the key, then restore it."));
    } else if (!k.active()) {
      out.add(
          RecommendationType.INACTIVE_KEY.recommend(
              k.keyId(),
              "Key " + k.keyId() + " is inactive. Activate it or remove it from the configuration."));
    }
    if (k.totalRequests() >= MIN_CALLS_FOR_SUCCESS_RATE && k.successRate() < LOW_SUCCESS_PERCENT) {
      out.add(
          RecommendationType.LOW_SUCCESS_RATE.recommend(
              k.keyId(),
              String.format(
                  Locale.ROOT, "Key %s has low success rate: %.1f%%", k.keyId(), k.successRate())));
    }
    if (k.active() && k.utilisation() >= NEAR_LIMIT_UTILISATION) {
      out.add(
          RecommendationType.NEAR_LIMIT.recommend(
              k.keyId(),
              String.format(
                  Locale.ROOT,
                  "Key %s is at %.0f%% of its limits (%d/%d RPM, %d/%d TPM)."
                      + " Add a key for %s or raise its limits.",
                  k.keyId(),
                  100 * k.utilisation(),
                  k.currentRpm(),
                  k.maxRpm(),
                  k.currentTpm(),
                  k.maxTpm(),
                  k.backup() ? "the tasks it backs up" : String.join(", ", k.taskTypes()))));
    }
    if (k.usable() && k.totalRequests() == 0 && totalRequests >= MIN_CALLS_FOR_IDLE_ADVICE) {
      out.add(
          RecommendationType.IDLE_KEY.recommend(
              k.keyId(),
              "Key "
                  + k.keyId()
                  + " received no requests while others served "
                  + totalRequests
                  + ". Assign it to a busy task type or remove it."));
    }
  }

  private static void adviseOnTask(
      String task, List<KeyMetrics> keys, Map<String, Long> distribution, List<Recommendation> out) {
    List<KeyMetrics> specialised =
        keys.stream().filter(k -> k.usable() && k.taskTypes().contains(task)).toList();
    boolean hasBackup = keys.stream().anyMatch(k -> k.usable() && k.backup());
    if (specialised.isEmpty() && !hasBackup) {
      out.add(
          RecommendationType.UNSERVED_TASK_TYPE.recommend(
              task,
              "Task "
                  + task
                  + " has no usable key. Add a key with \""
                  + task
                  + "\" in task_types, or a backup key (is_backup: true)."));
      return;
    }
    if (specialised.size() == 1 && !hasBackup) {
      out.add(
          RecommendationType.SINGLE_POINT_OF_FAILURE.recommend(
              task,
              "Task "
                  + task
                  + " is served by one key ("
                  + specialised.get(0).keyId()
                  + ") and no backup. Add a second key or a backup key (is_backup: true)."));
    }
    Optional<KeyMetrics> busiest =
        specialised.stream()
            .filter(k -> distribution.getOrDefault(k.keyId(), 0L) >= MIN_CALLS_FOR_COST_ADVICE)
            .max(Comparator.comparingLong(k -> distribution.getOrDefault(k.keyId(), 0L)));
    busiest.ifPresent(
        busy ->
            specialised.stream()
                .filter(k -> k.costPerToken() < busy.costPerToken())
                .filter(k -> k.utilisation() < HEADROOM_UTILISATION)
                .min(Comparator.comparingDouble(KeyMetrics::costPerToken))
                .ifPresent(
                    cheap ->
                        out.add(
                            RecommendationType.CHEAPER_KEY_AVAILABLE.recommend(
                                task,
                                String.format(
                                    Locale.ROOT,
                                    "Task %s: key %s costs %.0f%% less per token than %s, which"
                                        + " carried most requests, and has headroom. Use the"
                                        + " lowest_cost strategy for %s or raise %s's priority.",
                                    task,
                                    cheap.keyId(),
                                    100 * (1 - cheap.costPerToken() / busy.costPerToken()),
                                    busy.keyId(),
                                    task,
                                    cheap.keyId())))));
  }
}
