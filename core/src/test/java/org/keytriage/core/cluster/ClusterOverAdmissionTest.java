package org.keytriage.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.keytriage.core.ledger.KeyLimits;
import org.keytriage.core.ledger.ReserveResult;
import org.keytriage.core.ledger.UsageLedger;
import org.keytriage.core.ledger.UsageWindow;
import org.keytriage.core.testing.MutableClock;

/**
 * Three members, one hot key, many threads each going through one member, and 5 × L reservation
 * attempts with mixed token sizes, in waves at moments spread over several windows (the clock is
 * shared and moved between waves; about 5 waves fall in each 60 s, so each window is contended). Every admission is logged here with
 * the time it happened at and the tokens it finally charged; then every 60 s window of that log,
 * and with the ledger's one-second margin for transit jitter every closed 61 s window, must hold at
 * most {@code max_rpm} requests and {@code max_tpm} tokens. Zero tolerance.
 */
class ClusterOverAdmissionTest {
  private static final int THREADS = 12;
  private static final long MAX_RPM = 60;
  private static final long MAX_TPM = 6_000;

  /**
   * Offsets of the waves from t0 in ms: inside a window, across its edge (the slot of second s
   * leaves at s + 62 s), and well past it.
   */
  private static final long[] WAVES = {
    0, 7_000, 19_500, 33_000, 59_999, 60_000, 61_000, 61_500, 62_000, 75_000, 95_000, 120_999,
    121_000, 122_000, 150_000, 181_000, 182_500, 250_000
  };

  /** The window the ledger guarantees: 60 s plus its one-second margin, closed at both ends. */
  private static final long WINDOW_MILLIS = (UsageWindow.SLOTS - 1) * 1000L;

  /** 5 × L attempts in all, spread evenly over the waves. */
  private static final int ATTEMPTS_PER_WAVE = (int) Math.ceil(5.0 * MAX_RPM / WAVES.length);

  private static TestGrid grid;

  private record Admission(long atMillis, long tokens) {}

  @BeforeAll
  static void startMembers() {
    grid = TestGrid.start(ClusterOverAdmissionTest.class, 3);
  }

  @AfterAll
  static void stopMembers() {
    if (grid != null) {
      grid.close();
    }
  }

  @Test
  @Timeout(120)
  void noRollingWindowEverHoldsMoreThanTheLimitsAcrossMembers() throws Exception {
    MutableClock clock = new MutableClock();
    long t0 = clock.millis();
    List<UsageLedger> ledgers = new ArrayList<>();
    for (int i = 0; i < grid.size(); i++) {
      ledgers.add(grid.backends(i, clock).ledger());
    }
    String key = "hot-" + System.nanoTime();
    KeyLimits limits = new KeyLimits(MAX_RPM, MAX_TPM);
    ConcurrentLinkedQueue<Admission> log = new ConcurrentLinkedQueue<>();
    AtomicInteger denials = new AtomicInteger();
    long seed = new Random().nextLong();

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int w = 0; w < WAVES.length; w++) {
        clock.set(java.time.Instant.ofEpochMilli(t0 + WAVES[w]));
        long now = clock.millis();
        AtomicInteger attempts = new AtomicInteger(ATTEMPTS_PER_WAVE);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          UsageLedger ledger = ledgers.get(t % ledgers.size());
          Random random = new Random(seed + 1_000L * w + t);
          futures.add(
              pool.submit(
                  () -> {
                    start.await();
                    while (attempts.getAndDecrement() > 0) {
                      long tokens = 1 + random.nextInt(250);
                      ReserveResult r = ledger.reserve(key, limits, tokens);
                      if (!r.isAdmitted()) {
                        denials.incrementAndGet();
                        continue;
                      }
                      long charged = tokens;
                      if (random.nextInt(3) == 0) {
                        // a settle below the estimate frees tokens for later admissions
                        charged = random.nextInt((int) tokens + 1);
                        ledger.settle(r.reservation(), charged);
                      }
                      log.add(new Admission(now, charged));
                    }
                    return null;
                  }));
        }
        start.countDown();
        for (Future<?> f : futures) {
          f.get(60, TimeUnit.SECONDS);
        }
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    String note = "seed " + seed;
    List<Admission> admissions = new ArrayList<>(log);
    assertThat(denials.get()).as("the limits were reached, %s", note).isPositive();
    SortedSet<Long> ends = new TreeSet<>();
    admissions.forEach(a -> ends.add(a.atMillis()));
    long fullestRequests = 0;
    for (long end : ends) {
      // the fullest window always ends at an admission: checking those checks them all; each
      // [end - 61 s, end] contains every 60 s window ending at end
      long requests = 0;
      long tokens = 0;
      for (Admission a : admissions) {
        if (a.atMillis() >= end - WINDOW_MILLIS && a.atMillis() <= end) {
          requests++;
          tokens += a.tokens();
        }
      }
      String window = "window ending at t0+" + (end - t0) + " ms, " + note;
      assertThat(requests).as(window).isLessThanOrEqualTo(MAX_RPM);
      assertThat(tokens).as(window).isLessThanOrEqualTo(MAX_TPM);
      fullestRequests = Math.max(fullestRequests, requests);
    }
    assertThat(fullestRequests).as("some window was filled, %s", note).isGreaterThan(MAX_RPM / 2);
    assertThat(ends).as("admissions in many waves: %s", ends.stream().map(e -> e - t0).toList()).hasSizeGreaterThan(5);
    assertThat(admissions.size()).as("more than one window's worth admitted").isGreaterThan((int) MAX_RPM);
  }

  @Test
  void aWindowFilledThroughOneMemberIsFullForTheOthers() {
    MutableClock clock = new MutableClock();
    String key = "shared-" + System.nanoTime();
    KeyLimits limits = new KeyLimits(5, 1_000);
    UsageLedger first = grid.backends(0, clock).ledger();
    for (int i = 0; i < 5; i++) {
      assertThat(first.reserve(key, limits, 10).isAdmitted()).isTrue();
    }
    for (int i = 1; i < grid.size(); i++) {
      ReserveResult refused = grid.backends(i, clock).ledger().reserve(key, limits, 10);
      assertThat(refused.isAdmitted()).as("member %d", i).isFalse();
      assertThat(refused.usage().requests()).isEqualTo(5);
    }
    clock.advance(Duration.ofSeconds(62));
    assertThat(grid.backends(2, clock).ledger().reserve(key, limits, 10).isAdmitted()).isTrue();
  }
}
