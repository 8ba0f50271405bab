package org.keytriage.strategies.tck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.keytriage.spi.CandidateKey;
import org.keytriage.spi.ClinicalPriority;
import org.keytriage.spi.KeyTier;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.RoutingRequest;
import org.keytriage.spi.TaskTypes;

/**
 * Seeded generator of candidate lists and requests for the contract suite. Values are drawn from
 * small sets so that ties are common, and key ids from a fixed pool so that stateful strategies see
 * the same keys again across calls. Not thread-safe: use one per thread.
 */
public final class RandomCandidates {
  /** The size of the key id pool; lists are at most this long. */
  public static final int POOL_SIZE = 64;

  private static final double[] WEIGHTS = {0.5, 1, 1, 2, 3, 10};
  private static final double[] COSTS = {0, 0.000002, 0.000002, 0.00001};
  private static final double[] LATENCIES = {-1, -1, 40, 120, 120, 900};

  private final Random random;
  private final List<String> ids = new ArrayList<>(POOL_SIZE);

  public RandomCandidates(long seed) {
    this.random = new Random(seed);
    for (int i = 0; i < POOL_SIZE; i++) {
      ids.add("key-" + i);
    }
  }

  /** An immutable list of {@code size} candidates with distinct ids, all of one random tier. */
  public List<CandidateKey> list(int size) {
    if (size < 0 || size > POOL_SIZE) {
      throw new IllegalArgumentException("size must be 0.." + POOL_SIZE);
    }
    Collections.shuffle(ids, random);
    KeyTier tier = pick(KeyTier.values());
    List<CandidateKey> keys = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      keys.add(candidate(ids.get(i), tier));
    }
    return List.copyOf(keys);
  }

  /** An immutable list of a random size between 0 and {@code maxSize}. */
  public List<CandidateKey> anyList(int maxSize) {
    return list(random.nextInt(maxSize + 1));
  }

  /** One candidate with random but valid fields. */
  public CandidateKey candidate(String keyId, KeyTier tier) {
    long maxRpm = 1 + random.nextInt(100);
    long maxTpm = 1_000 + random.nextInt(99_000);
    return CandidateKey.builder(keyId)
        .tier(tier)
        .priority(1 + random.nextInt(5))
        .weight(random.nextInt(4) == 0 ? 0.01 + random.nextDouble() * 5 : pick(WEIGHTS))
        .costPerToken(pick(COSTS))
        .limits(maxRpm, maxTpm)
        .usage(random.nextInt((int) maxRpm + 2), random.nextInt((int) maxTpm + 2))
        .latencyMillis(random.nextInt(4) == 0 ? random.nextDouble() * 2_000 : pick(LATENCIES))
        .successRate(random.nextDouble())
        .healthScore(random.nextInt(101))
        .budgetUtilisation(random.nextDouble())
        .build();
  }

  /** A request for a random built-in task type with random hints. */
  public RoutingRequest request() {
    RoutingHints hints =
        RoutingHints.builder()
            .latencySensitive(random.nextBoolean())
            .costSensitive(random.nextBoolean())
            .streaming(random.nextBoolean())
            .clinicalPriority(pick(ClinicalPriority.values()))
            .estimatedTokens(random.nextInt(8_000))
            .build();
    return new RoutingRequest(
        TaskTypes.BUILT_IN.get(random.nextInt(TaskTypes.BUILT_IN.size())), hints);
  }

  private double pick(double[] values) {
    return values[random.nextInt(values.length)];
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
