package org.keytriage.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.keytriage.core.testing.MutableClock;

/**
 * Random arrival schedules driven through one in-process ledger with a {@link MutableClock},
 * checked against an exact log of what was admitted.
 *
 * <ul>
 *   <li>{@link #noRollingWindowExceedsTheLimits}: the invariant of the package documentation, with
 *       its one-second margin (no rolling 61 s window over the limits), from an exact
 *       per-millisecond log that knows nothing about slots;
 *   <li>{@link #emptyWindowAdmitsEveryRequestThatFits}: liveness;
 *   <li>{@link #ledgerDecidesExactlyAsTheSlotRule}: every decision, retryAfter and usage equals the
 *       documented rule (an admission at second S counts seconds S-(SLOTS-1)..S, i.e. S-61..S).
 * </ul>
 */
class LimitInvariantPropertiesTest {

  /**
   * The window the ledger guarantees: NVIDIA's 60 s plus the one-second margin for transit jitter,
   * i.e. every closed interval [T - 61 s, T].
   */
  private static final long WINDOW_MILLIS = (UsageWindow.SLOTS - 1) * 1000L;
  private static final String KEY = "key";

  enum Action {
    RESERVE,
    SETTLE,
    RELEASE
  }

  /**
   * One step of a schedule: wait {@code gapMillis}, then act. {@code pick} chooses which open
   * reservation a settle or release applies to; the actual token count of a settle is {@code
   * actualFactor * estimate}.
   */
  record Step(int gapMillis, Action action, long tokens, int pick, double actualFactor) {}

  record Schedule(long maxRpm, long maxTpm, List<Step> steps) {
    KeyLimits limits() {
      return new KeyLimits(maxRpm, maxTpm);
    }
  }

  /** An admission in the exact log. */
  static final class Admission {
    final long atMillis;
    final long estimate;
    final Reservation reservation;
    long chargedTokens; // estimate, then the actual once settled; 0 once released
    boolean released;

    Admission(long atMillis, Reservation reservation) {
      this.atMillis = atMillis;
      this.estimate = reservation.tokens();
      this.reservation = reservation;
      this.chargedTokens = estimate;
    }

    long second() {
      return reservation.slotSecond();
    }

    long requests() {
      return released ? 0 : 1;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // generators
  // ---------------------------------------------------------------------------------------------

  /**
   * Settles never exceed the estimate here: settling higher books reality and may legitimately
   * push the window above max_tpm, so it is outside this invariant (the contract suite covers it).
   */
  @Provide
  Arbitrary<Schedule> invariantSchedules() {
    return schedules(maxTpm -> maxTpm / 2, 1.0);
  }

  /** Exact-rule schedules may also settle above the estimate and ask for too large requests. */
  @Provide
  Arbitrary<Schedule> ruleSchedules() {
    return schedules(maxTpm -> maxTpm + maxTpm / 10, 2.0);
  }

  private static Arbitrary<Schedule> schedules(
      LongUnaryOperator maxTokens, double maxActualFactor) {
    Arbitrary<Integer> maxRpm = Arbitraries.integers().between(1, 50);
    Arbitrary<Integer> maxTpm = Arbitraries.integers().between(100, 5_000);
    return Combinators.combine(maxRpm, maxTpm)
        .flatAs(
            (rpm, tpm) ->
                steps(maxTokens.applyAsLong(tpm), maxActualFactor)
                    .list()
                    .ofMinSize(1)
                    .ofMaxSize(200)
                    // uniform sizes: the default bias to short lists rarely reaches a limit
                    .withSizeDistribution(RandomDistribution.uniform())
                    .map(steps -> new Schedule(rpm, tpm, steps)));
  }

  private static Arbitrary<Step> steps(long maxTokens, double maxActualFactor) {
    // bursts as well as spread arrivals, all within 0..5000 ms
    Arbitrary<Integer> gaps =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.integers().between(0, 5_000)),
            Tuple.of(3, Arbitraries.integers().between(0, 300)),
            Tuple.of(1, Arbitraries.of(0, 999, 1_000, 1_001)));
    Arbitrary<Action> actions =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.just(Action.RESERVE)),
            Tuple.of(1, Arbitraries.just(Action.SETTLE)),
            Tuple.of(1, Arbitraries.just(Action.RELEASE)));
    return Combinators.combine(
            gaps,
            actions,
            Arbitraries.longs().between(0, maxTokens),
            Arbitraries.integers().between(0, 1_000),
            Arbitraries.doubles().between(0, maxActualFactor))
        .as(Step::new);
  }

  // ---------------------------------------------------------------------------------------------
  // properties
  // ---------------------------------------------------------------------------------------------

  @Property(tries = 200)
  void noRollingWindowExceedsTheLimits(@ForAll("invariantSchedules") Schedule schedule) {
    MutableClock clock = new MutableClock();
    List<Admission> log = new ArrayList<>();
    List<Admission> open = new ArrayList<>();
    int denials = 0;
    try (UsageLedger ledger = UsageLedgers.inProcess(clock)) {
      for (Step step : schedule.steps()) {
        clock.advanceMillis(step.gapMillis());
        UsageSnapshot usage;
        if (step.action() == Action.RESERVE) {
          ReserveResult result = ledger.reserve(KEY, schedule.limits(), step.tokens());
          if (result.isAdmitted()) {
            Admission admission = new Admission(clock.millis(), result.reservation());
            log.add(admission);
            open.add(admission);
          } else {
            denials++;
          }
          usage = result.usage();
        } else if (open.isEmpty()) {
          usage = ledger.usage(KEY);
        } else {
          Admission admission = open.remove(step.pick() % open.size());
          if (step.action() == Action.SETTLE) {
            long actual = (long) Math.floor(step.actualFactor() * admission.estimate);
            assertThat(actual).isBetween(0L, admission.estimate);
            admission.chargedTokens = actual;
            usage = ledger.settle(admission.reservation, actual);
          } else {
            admission.chargedTokens = 0;
            admission.released = true;
            usage = ledger.release(admission.reservation);
          }
        }
        assertThat(usage.requests()).isBetween(0L, schedule.maxRpm());
        assertThat(usage.tokens()).isBetween(0L, schedule.maxTpm());
        assertEveryWindowWithinLimits(log, schedule);
      }
    }
    Statistics.label("some request refused").collect(denials > 0);
    Statistics.label("some request refused")
        .coverage(coverage -> coverage.check(true).percentage(p -> p >= 30));
  }

  /**
   * Liveness: after any history, once nothing has been admitted for SLOTS seconds (62 s: the
   * window with its margin, and the slot rule frees a second's slot up to one second later than an
   * exact log), any request that fits max_tpm is admitted.
   */
  @Property(tries = 200)
  void emptyWindowAdmitsEveryRequestThatFits(
      @ForAll("invariantSchedules") Schedule history,
      @ForAll @IntRange(min = 0, max = 120_000) int extraQuietMillis,
      @ForAll @DoubleRange(min = 0, max = 1) double size) {
    MutableClock clock = new MutableClock();
    try (UsageLedger ledger = UsageLedgers.inProcess(clock)) {
      long lastAdmissionMillis = Long.MIN_VALUE;
      List<Reservation> open = new ArrayList<>();
      for (Step step : history.steps()) {
        clock.advanceMillis(step.gapMillis());
        if (step.action() == Action.RESERVE) {
          ReserveResult result = ledger.reserve(KEY, history.limits(), step.tokens());
          if (result.isAdmitted()) {
            open.add(result.reservation());
            lastAdmissionMillis = clock.millis();
          }
        } else if (!open.isEmpty()) {
          Reservation r = open.remove(step.pick() % open.size());
          if (step.action() == Action.SETTLE) {
            ledger.settle(r, (long) Math.floor(step.actualFactor() * r.tokens()));
          } else {
            ledger.release(r);
          }
        }
      }
      if (lastAdmissionMillis != Long.MIN_VALUE) {
        long quietSoFar = clock.millis() - lastAdmissionMillis;
        clock.advanceMillis(Math.max(0, UsageWindow.SLOTS * 1000L - quietSoFar) + extraQuietMillis);
      }

      long tokens = Math.round(size * history.maxTpm());
      ReserveResult result = ledger.reserve(KEY, history.limits(), tokens);
      assertThat(result.isAdmitted()).as("%s", result).isTrue();
      assertThat(result.usage()).isEqualTo(new UsageSnapshot(1, tokens));
    }
  }

  /**
   * Every answer of the ledger equals the documented slot rule ({@link UsageWindow#SLOTS} slots),
   * computed from the exact log: decisions, reasons, retryAfter and the usage returned by every
   * operation.
   */
  @Property(tries = 200)
  void ledgerDecidesExactlyAsTheSlotRule(@ForAll("ruleSchedules") Schedule schedule) {
    MutableClock clock = new MutableClock();
    KeyLimits limits = schedule.limits();
    List<Admission> log = new ArrayList<>();
    List<Admission> open = new ArrayList<>();
    try (UsageLedger ledger = UsageLedgers.inProcess(clock)) {
      for (Step step : schedule.steps()) {
        clock.advanceMillis(step.gapMillis());
        long now = clock.millis();
        long second = Math.floorDiv(now, 1000L);
        if (step.action() == Action.RESERVE) {
          ReserveResult expected = expectedReserve(log, limits, step.tokens(), now);
          ReserveResult actual = ledger.reserve(KEY, limits, step.tokens());
          assertThat(actual.isAdmitted())
              .as("at %d: %s", now, actual)
              .isEqualTo(expected.isAdmitted());
          assertThat(actual.denialReason()).isEqualTo(expected.denialReason());
          assertThat(actual.retryAfterMillis()).isEqualTo(expected.retryAfterMillis());
          if (actual.isAdmitted()) {
            assertThat(actual.reservation()).isEqualTo(new Reservation(KEY, second, step.tokens()));
            Admission admission = new Admission(now, actual.reservation());
            log.add(admission);
            open.add(admission);
          }
          assertThat(actual.usage()).isEqualTo(usageAt(log, second));
          Statistics.label("reserve")
              .collect(actual.isAdmitted() ? "ADMITTED" : actual.denialReason().name());
        } else if (open.isEmpty()) {
          assertThat(ledger.usage(KEY)).isEqualTo(usageAt(log, second));
        } else {
          Admission admission = open.remove(step.pick() % open.size());
          UsageSnapshot usage;
          if (step.action() == Action.SETTLE) {
            long actualTokens = (long) Math.floor(step.actualFactor() * admission.estimate);
            admission.chargedTokens = actualTokens;
            usage = ledger.settle(admission.reservation, actualTokens);
          } else {
            admission.chargedTokens = 0;
            admission.released = true;
            usage = ledger.release(admission.reservation);
          }
          assertThat(usage).isEqualTo(usageAt(log, second));
        }
      }
    }
    Statistics.label("reserve")
        .coverage(
            coverage -> {
              coverage.check("RPM_LIMIT").count(c -> c > 0);
              coverage.check("TPM_LIMIT").count(c -> c > 0);
              coverage.check("REQUEST_TOO_LARGE").count(c -> c > 0);
            });
  }

  // ---------------------------------------------------------------------------------------------
  // the exact log
  // ---------------------------------------------------------------------------------------------

  /**
   * Checks every window [T - 61 s, T] that ends at an admission time T. Those are the fullest
   * windows: a window ending elsewhere holds a subset of the one ending at its last admission.
   * Settles (never above the estimate here) and releases only lower past windows.
   */
  private static void assertEveryWindowWithinLimits(List<Admission> log, Schedule schedule) {
    long requests = 0;
    long tokens = 0;
    int left = 0;
    int right = 0; // log[left, right) is the window
    for (Admission end : log) {
      long windowEnd = end.atMillis;
      while (right < log.size() && log.get(right).atMillis <= windowEnd) {
        requests += log.get(right).requests();
        tokens += log.get(right).chargedTokens;
        right++;
      }
      while (log.get(left).atMillis < windowEnd - WINDOW_MILLIS) {
        requests -= log.get(left).requests();
        tokens -= log.get(left).chargedTokens;
        left++;
      }
      assertThat(requests)
          .as("requests in [%d, %d]", windowEnd - WINDOW_MILLIS, windowEnd)
          .isLessThanOrEqualTo(schedule.maxRpm());
      assertThat(tokens)
          .as("tokens in [%d, %d]", windowEnd - WINDOW_MILLIS, windowEnd)
          .isLessThanOrEqualTo(schedule.maxTpm());
    }
  }

  /** Usage by the slot rule: live admissions booked in seconds S-(SLOTS-1)..S, i.e. S-61..S. */
  private static UsageSnapshot usageAt(List<Admission> log, long second) {
    long requests = 0;
    long tokens = 0;
    for (Admission a : log) {
      if (a.second() >= second - (UsageWindow.SLOTS - 1) && a.second() <= second) {
        requests += a.requests();
        tokens += a.chargedTokens;
      }
    }
    return new UsageSnapshot(requests, tokens);
  }

  /** The decision the slot rule makes for a reservation at {@code nowMillis}. */
  private static ReserveResult expectedReserve(
      List<Admission> log, KeyLimits limits, long tokens, long nowMillis) {
    long second = Math.floorDiv(nowMillis, 1000L);
    UsageSnapshot usage = usageAt(log, second);
    if (tokens > limits.maxTpm()) {
      return ReserveResult.denied(DenialReason.REQUEST_TOO_LARGE, Long.MAX_VALUE, usage);
    }
    boolean rpmFull = usage.requests() + 1 > limits.maxRpm();
    if (!rpmFull && usage.tokens() + tokens <= limits.maxTpm()) {
      return ReserveResult.admitted(new Reservation(KEY, second, tokens), usage);
    }
    // the first second whose departure leaves room; the slot of second s leaves at (s + SLOTS) s
    for (long s = second - (UsageWindow.SLOTS - 1); s <= second; s++) {
      UsageSnapshot remaining = usageAt(log, s + UsageWindow.SLOTS);
      // usageAt(s + SLOTS) counts seconds s+1..s+SLOTS: what remains of today's window after s left
      if (remaining.requests() + 1 <= limits.maxRpm()
          && remaining.tokens() + tokens <= limits.maxTpm()) {
        long retryAfter = Math.max(1, (s + UsageWindow.SLOTS) * 1000L - nowMillis);
        return ReserveResult.denied(
            rpmFull ? DenialReason.RPM_LIMIT : DenialReason.TPM_LIMIT, retryAfter, usage);
      }
    }
    throw new AssertionError("a request within max_tpm always fits an empty window");
  }
}
