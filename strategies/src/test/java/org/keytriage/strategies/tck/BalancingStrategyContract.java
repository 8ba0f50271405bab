package org.keytriage.strategies.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.BalancingStrategyFactory;
import org.keytriage.spi.CandidateKey;
import org.keytriage.spi.ConfigProperty;
import org.keytriage.spi.ConfigPropertyType;
import org.keytriage.spi.KeyTier;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.spi.RoutingRequest;

/**
 * The contract every {@link BalancingStrategy} and its {@link BalancingStrategyFactory} must keep.
 * Extend it with {@link #factory()} returning your factory; override {@link #config()} when your
 * strategy needs settings to be created. Randomness is seeded, so a failure reproduces.
 */
public abstract class BalancingStrategyContract {
  private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  private static final long SEED = 20_240_601L;
  private static final int THREADS = 16;
  private static final int CALLS_PER_THREAD = 10_000;

  /** The factory under test; may return a new instance on each call. */
  protected abstract BalancingStrategyFactory factory();

  /** The settings the suite creates strategies with; empty by default. */
  protected ProviderConfig config() {
    return ProviderConfig.empty();
  }

  private BalancingStrategy newStrategy() {
    BalancingStrategy strategy = factory().create(config());
    assertThat(strategy).as("create(config()) result").isNotNull();
    return strategy;
  }

  // ---- ordering ----

  @Test
  void resultIsAPermutationOfRandomCandidateLists() {
    BalancingStrategy strategy = newStrategy();
    RandomCandidates random = new RandomCandidates(SEED);
    for (int i = 0; i < 2_000; i++) {
      List<CandidateKey> candidates = random.anyList(i % 10 == 0 ? RandomCandidates.POOL_SIZE : 12);
      List<CandidateKey> result = strategy.order(candidates, random.request());
      String problem = permutationProblem(candidates, result);
      assertThat(problem).as("call %d (seed %d) with %s", i, SEED, ids(candidates)).isNull();
    }
  }

  @Test
  void doesNotModifyTheCandidates() {
    BalancingStrategy strategy = newStrategy();
    RandomCandidates random = new RandomCandidates(SEED + 1);
    for (int size = 0; size <= 20; size++) {
      List<CandidateKey> immutable = random.list(size);
      List<CandidateKey> snapshot = List.copyOf(immutable);
      assertThatCode(() -> strategy.order(immutable, random.request()))
          .as("ordering an immutable list of %d", size)
          .doesNotThrowAnyException();
      assertThat(immutable).isEqualTo(snapshot);

      List<CandidateKey> mutable = new ArrayList<>(random.list(size));
      List<CandidateKey> before = List.copyOf(mutable);
      List<CandidateKey> result = strategy.order(mutable, random.request());
      assertThat(mutable).as("a mutable list of %d after order()", size).isEqualTo(before);
      assertThat(permutationProblem(before, result)).isNull();
    }
  }

  @Test
  void emptyCandidatesGiveAnEmptyList() {
    BalancingStrategy strategy = newStrategy();
    RandomCandidates random = new RandomCandidates(SEED + 2);
    assertThat(strategy.order(List.of(), random.request())).isNotNull().isEmpty();
    assertThat(strategy.order(new ArrayList<>(), random.request())).isNotNull().isEmpty();
  }

  @Test
  void aSingleCandidateIsReturnedAsIs() {
    BalancingStrategy strategy = newStrategy();
    RandomCandidates random = new RandomCandidates(SEED + 3);
    for (KeyTier tier : KeyTier.values()) {
      for (int i = 0; i < 10; i++) {
        CandidateKey only = random.candidate("only-" + i, tier);
        assertThat(strategy.order(List.of(only), random.request())).containsExactly(only);
      }
    }
  }

  @Test
  void isThreadSafe() throws Exception {
    BalancingStrategy strategy = newStrategy();
    RandomCandidates random = new RandomCandidates(SEED + 4);
    // a shared pool: the same keys reach the strategy from many threads at once
    List<List<CandidateKey>> pool = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      pool.add(random.list(1 + i % 12));
    }
    RoutingRequest request = random.request();
    ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(
            executor.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    List<CandidateKey> candidates = pool.get((thread * 7 + i) % pool.size());
                    String problem =
                        permutationProblem(candidates, strategy.order(candidates, request));
                    if (problem != null) {
                      return "thread " + thread + " call " + i + ": " + problem;
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<String> result : results) {
        assertThat(result.get(2, TimeUnit.MINUTES)).isNull();
      }
    } finally {
      executor.shutdownNow();
    }
  }

  // ---- factory ----

  @Test
  void idIsNonBlankSnakeCase() {
    assertThat(factory().id()).isNotBlank().matches(SNAKE_CASE);
  }

  @Test
  void descriptionIsNotBlank() {
    assertThat(factory().description()).isNotBlank();
  }

  @Test
  void configPropertiesAreDescribed() {
    List<ConfigProperty> properties = factory().configProperties();
    assertThat(properties).isNotNull().doesNotContainNull();
    Set<String> names = new HashSet<>();
    SoftAssertions softly = new SoftAssertions();
    for (ConfigProperty property : properties) {
      String name = property.name();
      softly.assertThat(name).as("property name").matches(SNAKE_CASE);
      softly.assertThat(names.add(name)).as("'%s' is listed once", name).isTrue();
      softly.assertThat(property.label()).as("label of '%s'", name).isNotBlank();
      softly.assertThat(property.type()).as("type of '%s'", name).isNotNull();
      if (property.type() == ConfigPropertyType.CHOICE) {
        softly.assertThat(property.options()).as("options of '%s'", name).isNotEmpty();
      }
      if (property.defaultValue() != null) {
        softly
            .assertThat(defaultParses(property))
            .as("default '%s' of '%s' parses as %s", property.defaultValue(), name, property.type())
            .isTrue();
      }
    }
    softly.assertAll();
  }

  @Test
  void createsWithEveryDefault() {
    Map<String, String> defaults = new HashMap<>();
    for (ConfigProperty property : factory().configProperties()) {
      if (property.defaultValue() != null) {
        defaults.put(property.name(), property.defaultValue());
      }
    }
    BalancingStrategy strategy = factory().create(ProviderConfig.of(defaults));
    assertThat(strategy).isNotNull();
    List<CandidateKey> candidates = new RandomCandidates(SEED + 5).list(5);
    assertThat(
            permutationProblem(candidates, strategy.order(candidates, RoutingRequest.of("t", 1))))
        .isNull();
  }

  @Test
  void createsWithEmptyConfig() {
    assertThat(factory().create(ProviderConfig.empty())).isNotNull();
  }

  @Test
  void badNumericSettingIsRejectedByName() {
    assertBadValueRejected(ConfigPropertyType.INTEGER, "not-a-number");
    assertBadValueRejected(ConfigPropertyType.DECIMAL, "not-a-number");
  }

  @Test
  void badBooleanSettingIsRejectedByName() {
    assertBadValueRejected(ConfigPropertyType.BOOLEAN, "maybe");
  }

  @Test
  void badChoiceSettingIsRejectedByName() {
    assertBadValueRejected(ConfigPropertyType.CHOICE, "no-such-option-\u2603");
  }

  @Test
  void isDiscoverableWithServiceLoader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    BalancingStrategyFactory expected = factory();
    List<BalancingStrategyFactory> found = new ArrayList<>();
    ServiceLoader.load(BalancingStrategyFactory.class, loader).forEach(found::add);
    assertThat(found)
        .as(
            "factories registered in META-INF/services/%s",
            BalancingStrategyFactory.class.getName())
        .anySatisfy(
            f -> {
              assertThat(f).isExactlyInstanceOf(expected.getClass());
              assertThat(f.id()).isEqualTo(expected.id());
            });
  }

  @Test
  void hasPublicNoArgConstructor() throws Exception {
    Class<?> type = factory().getClass();
    assertThat(Modifier.isPublic(type.getModifiers())).as("%s is public", type).isTrue();
    assertThat(Modifier.isPublic(type.getConstructor().getModifiers())).isTrue();
  }

  // ---- helpers ----

  private void assertBadValueRejected(ConfigPropertyType type, String badValue) {
    for (ConfigProperty property : factory().configProperties()) {
      if (property.type() != type) {
        continue;
      }
      ProviderConfig bad = ProviderConfig.of(Map.of(property.name(), badValue));
      assertThatThrownBy(() -> factory().create(bad))
          .as("create() with %s = '%s'", property.name(), badValue)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(property.name());
    }
  }

  private static boolean defaultParses(ConfigProperty property) {
    String value = property.defaultValue().trim();
    try {
      switch (property.type()) {
        case INTEGER:
          Long.parseLong(value);
          return true;
        case DECIMAL:
          Double.parseDouble(value);
          return true;
        case BOOLEAN:
          return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
        case CHOICE:
          return property.options().contains(property.defaultValue());
        default:
          return true;
      }
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Null when {@code result} holds exactly the keys of {@code input}, each once; else why not. */
  static String permutationProblem(List<CandidateKey> input, List<CandidateKey> result) {
    if (result == null) {
      return "result is null";
    }
    if (result.size() != input.size()) {
      return "result has " + result.size() + " keys, input " + input.size() + ": " + ids(result);
    }
    boolean[] used = new boolean[input.size()];
    for (CandidateKey key : result) {
      int match = -1;
      for (int i = 0; i < used.length && match < 0; i++) {
        if (!used[i] && input.get(i).equals(key)) {
          match = i;
        }
      }
      if (match < 0) {
        return "result " + ids(result) + " is not a permutation of " + ids(input);
      }
      used[match] = true;
    }
    return null;
  }

  private static List<String> ids(List<CandidateKey> keys) {
    List<String> ids = new ArrayList<>(keys.size());
    for (CandidateKey key : keys) {
      ids.add(key == null ? "null" : key.keyId());
    }
    return ids;
  }
}
