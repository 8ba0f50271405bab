package org.keytriage.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.keytriage.core.testing.MutableClock;

/**
 * The behaviour every {@link UsageLedger} backend must show. A backend's test extends this class
 * and implements {@link #createLedger}; nothing else is needed. Shipped in the core test-jar.
 *
 * <p>Time is driven with a {@link MutableClock} that starts at a whole minute (called t=0 below);
 * no test sleeps. Expectations follow the 62-slot rule of the package documentation: an admission
 * at second {@code S} counts the slots of seconds {@code S-61..S}, so a slot booked at second
 * {@code s} stops counting at {@code t = (s+62) s}.
 *
 * <p>Every test uses key ids unique to the test instance, so a backend that shares state between
 * ledgers (one cluster for the whole class) still sees empty windows.
 */
public abstract class UsageLedgerContract {

  /** Generous bound for the concurrency tests, so a deadlocked backend fails instead of hanging. */
  private static final long CONCURRENCY_TIMEOUT_SECONDS = 60;

  protected MutableClock clock;
  protected UsageLedger ledger;
  private long startMillis;
  private final String keyPrefix = "contract-" + UUID.randomUUID() + "-";

  /** A new, empty ledger that stamps every operation with {@code clock}. */
  protected abstract UsageLedger createLedger(MutableClock clock);

  @BeforeEach
  protected void createLedgerUnderTest() {
    clock = new MutableClock();
    startMillis = clock.millis();
    ledger = createLedger(clock);
    assertThat(ledger.clock().millis()).isEqualTo(clock.millis());
  }

  /** Closes the ledger; override (and call super) to release backend resources as well. */
  @AfterEach
  protected void closeLedger() throws Exception {
    if (ledger != null) {
      ledger.close();
      ledger = null;
    }
  }

  /** A key id unique to this test. */
  protected String key(String name) {
    return keyPrefix + name;
  }

  /** Epoch millis of the test start (a whole minute) plus {@code offsetMillis}. */
  private long at(long offsetMillis) {
    return startMillis + offsetMillis;
  }

  /**
   * The usage as {@link UsageLedger#usage} reports it. A backend whose {@code usage} answers from
   * a local copy may override this to wait until the copy has caught up.
   */
  protected UsageSnapshot reportedUsage(String keyId) {
    return ledger.usage(keyId);
  }

  /**
   * The usage of several keys as {@link UsageLedger#usageAll} reports it; like {@link
   * #reportedUsage}, a backend answering from copies may override this to wait for them.
   */
  protected Map<String, UsageSnapshot> reportedUsageAll(List<String> keyIds) {
    return ledger.usageAll(keyIds);
  }

  /** The usage read through {@link UsageLedger#execute}, which is exact on every backend. */
  private UsageSnapshot usageOf(String keyId) {
    return ledger.execute(keyId, new LedgerOperations.ReadUsage(clock.millis()));
  }

  /** Moves the clock to t0 + {@code offsetMillis}; never backwards unless a test means to. */
  private void moveTo(long offsetMillis) {
    clock.set(Instant.ofEpochMilli(at(offsetMillis)));
  }

  private long startSecond() {
    return Math.floorDiv(startMillis, 1000L);
  }

  private String describe(String keyId, long tokens, ReserveResult result) {
    return String.format(
        "reserve %d tokens on %s at t0+%d ms: %s",
        tokens, keyId, clock.millis() - startMillis, result);
  }

  private Reservation admit(String keyId, KeyLimits limits, long tokens) {
    ReserveResult result = ledger.reserve(keyId, limits, tokens);
    assertThat(result.isAdmitted()).as(describe(keyId, tokens, result)).isTrue();
    return result.reservation();
  }

  private ReserveResult refuse(String keyId, KeyLimits limits, long tokens, DenialReason reason) {
    ReserveResult result = ledger.reserve(keyId, limits, tokens);
    assertThat(result.isAdmitted()).as(describe(keyId, tokens, result)).isFalse();
    assertThat(result.denialReason()).isEqualTo(reason);
    assertThat(result.reservation()).isNull();
    return result;
  }

  // ---------------------------------------------------------------------------------------------
  // requests per minute
  // ---------------------------------------------------------------------------------------------

  @Test
  void admitsUpToMaxRpmThenRefusesWithRpmLimitUntilRetryAfter() {
    String k = key("rpm");
    KeyLimits limits = new KeyLimits(5, 1_000_000);
    // five admissions spread over the first 40 s; the first is in the slot of second 0
    for (int i = 0; i < 5; i++) {
      moveTo(i * 10_000L);
      ReserveResult result = ledger.reserve(k, limits, 10);
      assertThat(result.isAdmitted()).isTrue();
      assertThat(result.denialReason()).isNull();
      assertThat(result.retryAfterMillis()).isZero();
      assertThat(result.usage()).isEqualTo(new UsageSnapshot(i + 1, 10L * (i + 1)));
      assertThat(result.reservation())
          .isEqualTo(new Reservation(k, startSecond() + i * 10L, 10));
    }

    moveTo(45_000);
    ReserveResult refused = refuse(k, limits, 10, DenialReason.RPM_LIMIT);
    assertThat(refused.retryAfterMillis()).isPositive().isLessThanOrEqualTo(62_000);
    // the slot of second 0 stops counting at t=62 s
    assertThat(refused.retryAfterMillis()).isEqualTo(17_000);
    assertThat(refused.usage()).isEqualTo(new UsageSnapshot(5, 50));
    assertThat(usageOf(k)).as("a refusal books nothing").isEqualTo(new UsageSnapshot(5, 50));

    // retryAfter is not generous: one millisecond earlier the key is still full
    clock.advanceMillis(refused.retryAfterMillis() - 1);
    refuse(k, limits, 10, DenialReason.RPM_LIMIT);
    clock.advanceMillis(1);
    admit(k, limits, 10);
    refuse(k, limits, 10, DenialReason.RPM_LIMIT);
  }

  @Test
  void retryAfterStaysWithinOneWindowWhenEverythingIsInTheNewestSlot() {
    String k = key("rpm-now");
    KeyLimits limits = new KeyLimits(3, 1_000_000);
    moveTo(30_250);
    for (int i = 0; i < 3; i++) {
      admit(k, limits, 1);
    }
    ReserveResult refused = refuse(k, limits, 1, DenialReason.RPM_LIMIT);
    // booked in second 30, freed at t=92 s
    assertThat(refused.retryAfterMillis()).isEqualTo(61_750).isLessThanOrEqualTo(62_000);
    clock.advanceMillis(refused.retryAfterMillis());
    assertThat(usageOf(k)).isEqualTo(UsageSnapshot.EMPTY);
    admit(k, limits, 1);
  }

  // ---------------------------------------------------------------------------------------------
  // tokens per minute
  // ---------------------------------------------------------------------------------------------

  @Test
  void admitsWhileTokensFitThenRefusesWithTpmLimit() {
    String k = key("tpm");
    KeyLimits limits = new KeyLimits(1_000, 1_000);
    admit(k, limits, 400);
    clock.advance(Duration.ofSeconds(5));
    admit(k, limits, 400);

    ReserveResult refused = refuse(k, limits, 201, DenialReason.TPM_LIMIT);
    assertThat(refused.usage()).isEqualTo(new UsageSnapshot(2, 800));
    // 201 tokens fit once the 400 of second 0 leave at t=62 s
    assertThat(refused.retryAfterMillis()).isEqualTo(57_000);

    admit(k, limits, 200); // exactly max_tpm
    assertThat(usageOf(k)).isEqualTo(new UsageSnapshot(3, 1_000));
    admit(k, limits, 0); // a zero-token request still fits a full token budget
    refuse(k, limits, 1, DenialReason.TPM_LIMIT);

    moveTo(61_000); // second 61: the margin second, second 0 still counts
    assertThat(usageOf(k)).isEqualTo(new UsageSnapshot(4, 1_000));
    moveTo(62_000);
    assertThat(usageOf(k)).isEqualTo(new UsageSnapshot(3, 600));
    admit(k, limits, 400);
    refuse(k, limits, 1, DenialReason.TPM_LIMIT);
  }

  @Test
  void requestWhoseEstimateAloneExceedsMaxTpmIsTooLarge() {
    String k = key("too-large");
    KeyLimits limits = new KeyLimits(10, 1_000);
    ReserveResult tooLarge = refuse(k, limits, 1_001, DenialReason.REQUEST_TOO_LARGE);
    assertThat(tooLarge.retryAfterMillis()).isEqualTo(Long.MAX_VALUE);
    assertThat(tooLarge.usage()).isEqualTo(UsageSnapshot.EMPTY);
    assertThat(usageOf(k)).isEqualTo(UsageSnapshot.EMPTY);

    // also when the key is full for other reasons: the size is what makes it hopeless
    for (int i = 0; i < 10; i++) {
      admit(k, limits, 0);
    }
    assertThat(refuse(k, limits, 5_000, DenialReason.REQUEST_TOO_LARGE).retryAfterMillis())
        .isEqualTo(Long.MAX_VALUE);

    String other = key("too-large-edge");
    admit(other, limits, 1_000); // exactly max_tpm on an empty key fits
  }

  @Test
  void negativeEstimateIsRejected() {
    assertThatThrownBy(() -> ledger.reserve(key("negative"), new KeyLimits(1, 1), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(usageOf(key("negative"))).isEqualTo(UsageSnapshot.EMPTY);
  }

  // ---------------------------------------------------------------------------------------------
  // rolling window
  // ---------------------------------------------------------------------------------------------

  @Test
  void requestWindowRollsPerSecondInsteadOfResettingEachMinute() {
    String k = key("rolling-rpm");
    KeyLimits limits = new KeyLimits(120, 1_000_000);
    // two admissions in every second 0..59
    for (int s = 0; s < 60; s++) {
      moveTo(s * 1_000L + 250);
      admit(k, limits, 1);
      admit(k, limits, 1);
    }
    refuse(k, limits, 1, DenialReason.RPM_LIMIT);

    // a fixed window aligned on the minute would reset here; the rolling one does not
    moveTo(60_000);
    assertThat(refuse(k, limits, 1, DenialReason.RPM_LIMIT).retryAfterMillis()).isEqualTo(2_000);
    // at 60.5 s (second 60) slots 0..60 all still count: nothing has left the window
    moveTo(60_500);
    assertThat(usageOf(k)).isEqualTo(new UsageSnapshot(120, 120));
    assertThat(refuse(k, limits, 1, DenialReason.RPM_LIMIT).retryAfterMillis()).isEqualTo(1_500);
    // at 61 s (second 61, the margin) slots 0..61 still count
    moveTo(61_000);
    assertThat(usageOf(k)).isEqualTo(new UsageSnapshot(120, 120));
    assertThat(refuse(k, limits, 1, DenialReason.RPM_LIMIT).retryAfterMillis()).isEqualTo(1_000);

    // at 62 s exactly the two admissions of second 0 leave, nothing else
    moveTo(62_000);
    assertThat(usageOf(k)).isEqualTo(new UsageSnapshot(118, 118));
    admit(k, limits, 1);
    admit(k, limits, 1);
    assertThat(refuse(k, limits, 1, DenialReason.RPM_LIMIT).retryAfterMillis())
        .as("next: the slot of second 1, at 63 s")
        .isEqualTo(1_000);

    // at 90 s the window holds seconds 29..90: 62 from 29..59 plus the 2 of second 62
    moveTo(90_000);
    assertThat(usageOf(k)).isEqualTo(new UsageSnapshot(64, 64));
    for (int i = 0; i < 56; i++) {
      admit(k, limits, 1);
    }
    refuse(k, limits, 1, DenialReason.RPM_LIMIT);
  }

  @Test
  void tokenWindowRollsPerSecondAndRetryAfterWalksAsManySlotsAsNeeded() {
    String k = key("rolling-tpm");
    // second s books 10*(s+1) tokens: 10 + 20 + ... + 600 = 18,300
    KeyLimits limits = new KeyLimits(1_000, 18_300);
    for (int s = 0; s < 60; s++) {
      moveTo(s * 1_000L + 700);
      admit(k, limits, 10L * (s + 1));
    }
    moveTo(60_500);
    assertThat(usageOf(k)).isEqualTo(new UsageSnapshot(60, 18_300));
    assertThat(refuse(k, limits, 10, DenialReason.TPM_LIMIT).retryAfterMillis()).isEqualTo(1_500);
    moveTo(61_000); // the margin second: nothing has left yet
    assertThat(usageOf(k)).isEqualTo(new UsageSnapshot(60, 18_300));
    assertThat(refuse(k, limits, 10, DenialReason.TPM_LIMIT).retryAfterMillis()).isEqualTo(1_000);

    moveTo(62_000); // second 0 (10 tokens) left
    assertThat(usageOf(k)).isEqualTo(new UsageSnapshot(59, 18_290));
    admit(k, limits, 10);
    // 30 tokens need second 1 (20) and second 2 (30) to leave: at 64 s
    assertThat(refuse(k, limits, 30, DenialReason.TPM_LIMIT).retryAfterMillis()).isEqualTo(2_000);
    assertThat(refuse(k, limits, 20, DenialReason.TPM_LIMIT).retryAfterMillis()).isEqualTo(1_000);

    moveTo(64_000);
    admit(k, limits, 30);
    admit(k, limits, 20);
    refuse(k, limits, 1, DenialReason.TPM_LIMIT);
  }

  // ---------------------------------------------------------------------------------------------
  // settle
  // ---------------------------------------------------------------------------------------------

  @Test
  void settlingBelowTheEstimateFreesTokens() {
    String k = key("settle-lower");
    KeyLimits limits = new KeyLimits(100, 1_000);
    Reservation r = admit(k, limits, 600);
    refuse(k, limits, 800, DenialReason.TPM_LIMIT);

    clock.advance(Duration.ofSeconds(20)); // settle later, in another second: hits r's own slot
    assertThat(ledger.settle(r, 200)).isEqualTo(new UsageSnapshot(1, 200));
    assertThat(usageOf(k)).isEqualTo(new UsageSnapshot(1, 200));
    admit(k, limits, 800);
    assertThat(usageOf(k)).isEqualTo(new UsageSnapshot(2, 1_000));
    refuse(k, limits, 1, DenialReason.TPM_LIMIT);

    // the settled actual leaves with r's slot at t=62 s, the 800 stay until 82 s
    moveTo(62_000);
    assertThat(usageOf(k)).isEqualTo(new UsageSnapshot(1, 800));
  }

  @Test
  void settlingAboveTheEstimateBooksTheRealCount() {
    String k = key("settle-higher");
    KeyLimits limits = new KeyLimits(100, 1_000);
    Reservation r = admit(k, limits, 300);
    assertThat(ledger.settle(r, 900)).isEqualTo(new UsageSnapshot(1, 900));
    assertThat(reportedUsage(k)).isEqualTo(new UsageSnapshot(1, 900));
    refuse(k, limits, 200, DenialReason.TPM_LIMIT);
    admit(k, limits, 100);

    // the gateway books reality even beyond max_tpm; the key is then closed until it rolls off
    Reservation s = admit(k, limits, 0);
    assertThat(ledger.settle(s, 1_500)).isEqualTo(new UsageSnapshot(3, 2_500));
    ReserveResult refused = refuse(k, limits, 0, DenialReason.TPM_LIMIT);
    assertThat(refused.retryAfterMillis()).isEqualTo(62_000);
    moveTo(62_000);
    assertThat(usageOf(k)).isEqualTo(UsageSnapshot.EMPTY);
  }

  @Test
  void settlingANegativeCountBooksZero() {
    String k = key("settle-negative");
    KeyLimits limits = new KeyLimits(10, 1_000);
    Reservation r = admit(k, limits, 300);
    admit(k, limits, 200); // same slot: a negative count must not eat into it
    assertThat(ledger.settle(r, -50)).isEqualTo(new UsageSnapshot(2, 200));
  }

  @Test
  void settleAndReleaseOfAReservationWhoseSlotLeftTheWindowAreNoOps() {
    String k = key("stale");
    KeyLimits limits = new KeyLimits(10, 1_000);
    Reservation stale = admit(k, limits, 400);

    // 62 s later the new reservation lands in the very slot index the stale one used
    moveTo(62_000);
    assertThat(usageOf(k)).isEqualTo(UsageSnapshot.EMPTY);
    Reservation fresh = admit(k, limits, 100);
    assertThat(fresh.slotSecond()).isEqualTo(stale.slotSecond() + UsageWindow.SLOTS);

    assertThat(ledger.settle(stale, 0)).isEqualTo(new UsageSnapshot(1, 100));
    assertThat(ledger.settle(stale, 5_000)).isEqualTo(new UsageSnapshot(1, 100));
    assertThat(ledger.release(stale)).isEqualTo(new UsageSnapshot(1, 100));
    assertThat(ledger.release(stale)).isEqualTo(new UsageSnapshot(1, 100));
    assertThat(usageOf(k)).isEqualTo(new UsageSnapshot(1, 100));

    // and on a key whose window emptied entirely, nothing goes negative
    String k2 = key("stale-empty");
    Reservation old = admit(k2, limits, 400);
    clock.advance(Duration.ofMinutes(5));
    assertThat(ledger.release(old)).isEqualTo(UsageSnapshot.EMPTY);
    assertThat(ledger.settle(old, 0)).isEqualTo(UsageSnapshot.EMPTY);
    assertThat(usageOf(k2)).isEqualTo(UsageSnapshot.EMPTY);
  }

  // ---------------------------------------------------------------------------------------------
  // release
  // ---------------------------------------------------------------------------------------------

  @Test
  void releaseGivesTheRequestAndTokensBack() {
    String k = key("release");
    KeyLimits limits = new KeyLimits(2, 1_000);
    Reservation first = admit(k, limits, 300);
    clock.advance(Duration.ofSeconds(10));
    admit(k, limits, 500);
    refuse(k, limits, 1, DenialReason.RPM_LIMIT);

    // first lives in an older slot than the clock's second: release finds it there
    assertThat(ledger.release(first)).isEqualTo(new UsageSnapshot(1, 500));
    admit(k, limits, 500);
    assertThat(usageOf(k)).isEqualTo(new UsageSnapshot(2, 1_000));
    refuse(k, limits, 0, DenialReason.RPM_LIMIT);
  }

  @Test
  void doubleReleaseNeverGoesNegative() {
    String k = key("double-release");
    KeyLimits limits = new KeyLimits(10, 1_000);
    Reservation only = admit(k, limits, 300);
    assertThat(ledger.release(only)).isEqualTo(UsageSnapshot.EMPTY);
    assertThat(ledger.release(only)).isEqualTo(UsageSnapshot.EMPTY);
    assertThat(usageOf(k)).isEqualTo(UsageSnapshot.EMPTY);
  }

  /**
   * Documents actual behaviour for a misuse: the window keeps per-second totals, not reservations,
   * so a second release of the same reservation takes from whatever else is in its slot — at most
   * one request and at most what the slot holds, so usage never goes negative.
   */
  @Test
  void doubleReleaseSubtractsAtMostWhatTheSlotHolds() {
    String k = key("double-release-shared-slot");
    KeyLimits limits = new KeyLimits(10, 1_000);
    Reservation a = admit(k, limits, 50);
    admit(k, limits, 30); // same second, same slot
    clock.advance(Duration.ofSeconds(1));
    admit(k, limits, 7); // next slot, untouched by releases of a

    assertThat(ledger.release(a)).isEqualTo(new UsageSnapshot(2, 37));
    assertThat(ledger.release(a)).as("takes the other request of a's slot and its 30 tokens")
        .isEqualTo(new UsageSnapshot(1, 7));
    assertThat(ledger.release(a)).as("a's slot is empty: nothing left to take")
        .isEqualTo(new UsageSnapshot(1, 7));
  }

  // ---------------------------------------------------------------------------------------------
  // usage, keys, clock
  // ---------------------------------------------------------------------------------------------

  @Test
  void usageReportsTheWindowAndDropsToZeroAfter62Seconds() {
    String k = key("usage");
    KeyLimits limits = new KeyLimits(10, 1_000);
    assertThat(reportedUsage(k)).isEqualTo(UsageSnapshot.EMPTY);

    moveTo(400);
    admit(k, limits, 100);
    admit(k, limits, 50);
    moveTo(30_000);
    admit(k, limits, 25);
    assertThat(reportedUsage(k)).isEqualTo(new UsageSnapshot(3, 175));
    assertThat(reportedUsage(k)).as("reading books nothing").isEqualTo(new UsageSnapshot(3, 175));

    moveTo(61_999);
    assertThat(reportedUsage(k)).isEqualTo(new UsageSnapshot(3, 175));
    moveTo(62_000);
    assertThat(reportedUsage(k)).isEqualTo(new UsageSnapshot(1, 25));
    moveTo(91_999);
    assertThat(reportedUsage(k)).isEqualTo(new UsageSnapshot(1, 25));
    moveTo(92_000);
    assertThat(reportedUsage(k)).isEqualTo(UsageSnapshot.EMPTY);
  }

  @Test
  void usageOfSeveralKeysAtOnceAgreesWithEachKeysOwn() {
    String a = key("all-a");
    String b = key("all-b");
    String never = key("all-never");
    KeyLimits limits = new KeyLimits(10, 1_000);
    moveTo(1_500);
    Reservation a1 = admit(a, limits, 100);
    admit(a, limits, 50);
    Reservation b1 = admit(b, limits, 30);
    ledger.settle(a1, 70);
    ledger.release(b1);
    admit(b, limits, 5);

    Map<String, UsageSnapshot> all = reportedUsageAll(List.of(a, b, never));
    assertThat(all).containsOnlyKeys(a, b, never);
    assertThat(all.get(a)).isEqualTo(usageOf(a)).isEqualTo(new UsageSnapshot(2, 120));
    assertThat(all.get(b)).isEqualTo(usageOf(b)).isEqualTo(new UsageSnapshot(1, 5));
    assertThat(all.get(never)).isEqualTo(UsageSnapshot.EMPTY);
    assertThat(usageOf(never)).as("reading books nothing").isEqualTo(UsageSnapshot.EMPTY);
  }

  @Test
  void keysAreIndependent() {
    String a = key("a");
    String b = key("b");
    KeyLimits limits = new KeyLimits(2, 100);
    Reservation a1 = admit(a, limits, 60);
    admit(a, limits, 40);
    refuse(a, limits, 0, DenialReason.RPM_LIMIT);

    Reservation b1 = admit(b, limits, 100);
    assertThat(b1.keyId()).isEqualTo(b);
    assertThat(a1.keyId()).isEqualTo(a);
    refuse(b, limits, 1, DenialReason.TPM_LIMIT);
    assertThat(usageOf(a)).isEqualTo(new UsageSnapshot(2, 100));
    assertThat(usageOf(b)).isEqualTo(new UsageSnapshot(1, 100));

    ledger.release(a1);
    ledger.settle(b1, 10);
    assertThat(usageOf(a)).isEqualTo(new UsageSnapshot(1, 40));
    assertThat(usageOf(b)).isEqualTo(new UsageSnapshot(1, 10));

    // the same key under different limits is still the same window
    assertThat(ledger.reserve(a, new KeyLimits(1, 100), 0).denialReason())
        .isEqualTo(DenialReason.RPM_LIMIT);
    assertThat(usageOf(key("never-used"))).isEqualTo(UsageSnapshot.EMPTY);
  }

  @Test
  void operationStampedBeforeTheNewestSecondIsBookedInTheNewestSlot() {
    String k = key("skew");
    KeyLimits limits = new KeyLimits(10, 1_000);
    moveTo(10_000);
    admit(k, limits, 1);
    moveTo(5_000); // a clock behind the window's newest second (skew between members)
    Reservation late = admit(k, limits, 2);
    assertThat(late.slotSecond()).isEqualTo(startSecond() + 10);
    assertThat(usageOf(k)).isEqualTo(new UsageSnapshot(2, 3));
    // conservative: it counts until 72 s, not 67 s
    moveTo(71_999);
    assertThat(usageOf(k)).isEqualTo(new UsageSnapshot(2, 3));
    moveTo(72_000);
    assertThat(usageOf(k)).isEqualTo(UsageSnapshot.EMPTY);
  }

  // ---------------------------------------------------------------------------------------------
  // concurrency
  // ---------------------------------------------------------------------------------------------

  private static final int THREADS = 16;

  /**
   * How often the concurrency tests repeat (each round on a fresh key); more rounds catch rarer
   * races. A backend whose every operation is a network round trip may lower it.
   */
  protected int stressRounds() {
    return 8;
  }

  /** Runs {@code body(threadIndex)} on THREADS threads released together; rethrows failures. */
  private void hammer(ThreadBody body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    boolean terminated;
    try {
      CountDownLatch ready = new CountDownLatch(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Void>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int index = t;
        Callable<Void> task =
            () -> {
              ready.countDown();
              start.await();
              body.run(index);
              return null;
            };
        futures.add(pool.submit(task));
      }
      assertThat(ready.await(CONCURRENCY_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
      start.countDown();
      for (Future<Void> future : futures) {
        future.get(CONCURRENCY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
      terminated = pool.awaitTermination(CONCURRENCY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
    assertThat(terminated).as("worker threads ended").isTrue();
  }

  @Test
  @Timeout(2 * CONCURRENCY_TIMEOUT_SECONDS)
  void concurrentReservationsAdmitExactlyMaxRpm() throws Exception {
    KeyLimits limits = new KeyLimits(1_000, 1_000_000_000_000L);
    int deniesPerThread = 20;
    String k = null;
    for (int round = 0; round < stressRounds(); round++) {
      k = key("hammer-rpm-" + round);
      String keyId = k;
      AtomicLong admitted = new AtomicLong();
      ConcurrentLinkedQueue<ReserveResult> denials = new ConcurrentLinkedQueue<>();

      hammer(
          t -> {
            int denied = 0;
            while (denied < deniesPerThread) {
              ReserveResult result = ledger.reserve(keyId, limits, 1);
              if (result.isAdmitted()) {
                admitted.incrementAndGet();
              } else {
                denied++;
                denials.add(result);
              }
            }
          });

      assertThat(admitted.get()).as("round %d", round).isEqualTo(1_000);
      assertThat(usageOf(k)).as("round %d", round).isEqualTo(new UsageSnapshot(1_000, 1_000));
      assertThat(denials).hasSize(THREADS * deniesPerThread);
      // the clock stands at a whole second, everything is in its slot: free again in 62 s
      assertThat(denials)
          .allSatisfy(
              d -> {
                assertThat(d.denialReason()).isEqualTo(DenialReason.RPM_LIMIT);
                assertThat(d.retryAfterMillis()).isEqualTo(62_000);
              });
    }

    clock.advance(Duration.ofSeconds(62));
    admit(k, limits, 1);
  }

  @Test
  @Timeout(2 * CONCURRENCY_TIMEOUT_SECONDS)
  void concurrentReservationsNeverExceedMaxTpmAndLeaveNoAdmissibleRequestOver()
      throws Exception {
    long maxTpm = 100_000;
    KeyLimits limits = new KeyLimits(1_000_000, maxTpm);
    int deniesPerThread = 25;
    for (int round = 0; round < stressRounds(); round++) {
      String k = key("hammer-tpm-" + round);
      long seed = new Random().nextLong();
      AtomicLong admittedRequests = new AtomicLong();
      AtomicLong admittedTokens = new AtomicLong();
      AtomicLong smallestRefused = new AtomicLong(Long.MAX_VALUE);
      AtomicInteger wrongReasons = new AtomicInteger();

      hammer(
          t -> {
            Random random = new Random(seed + t);
            int denied = 0;
            while (denied < deniesPerThread) {
              long tokens = 1 + random.nextInt(2_000);
              ReserveResult result = ledger.reserve(k, limits, tokens);
              if (result.isAdmitted()) {
                admittedRequests.incrementAndGet();
                admittedTokens.addAndGet(tokens);
              } else {
                denied++;
                smallestRefused.accumulateAndGet(tokens, Math::min);
                if (result.denialReason() != DenialReason.TPM_LIMIT) {
                  wrongReasons.incrementAndGet();
                }
              }
            }
          });

      String note = "round " + round + ", seed " + seed;
      assertThat(wrongReasons.get()).as(note).isZero();
      assertThat(admittedTokens.get()).as(note).isLessThanOrEqualTo(maxTpm);
      assertThat(usageOf(k))
          .as(note)
          .isEqualTo(new UsageSnapshot(admittedRequests.get(), admittedTokens.get()));
      // Usage only grew (no release, fixed clock), so every refused request still does not fit:
      // the headroom left is smaller than the smallest request ever refused.
      long headroom = maxTpm - admittedTokens.get();
      assertThat(headroom).as(note).isLessThan(smallestRefused.get());
      // and the headroom is really there
      admit(k, limits, headroom);
      refuse(k, limits, 1, DenialReason.TPM_LIMIT);
    }
  }

  /**
   * Reserve, settle and release interleaved on one key. Each thread keeps counters that are
   * never above the ledger's own: it adds after an admission returns and subtracts before a
   * settle/release is issued. So if the counters ever exceed the limits, the ledger did.
   */
  @Test
  @Timeout(2 * CONCURRENCY_TIMEOUT_SECONDS)
  void interleavedSettleAndReleaseNeverLetTheWindowExceedItsLimits() throws Exception {
    String k = key("hammer-mixed");
    long maxRpm = 32;
    long maxTpm = 3_000;
    KeyLimits limits = new KeyLimits(maxRpm, maxTpm);
    int opsPerThread = 500 * stressRounds();
    int heldPerThread = (int) maxRpm; // one thread alone can fill the key: denials are certain
    long seed = new Random().nextLong();

    AtomicLong outstandingRequests = new AtomicLong(); // admitted minus released
    AtomicLong outstandingTokens = new AtomicLong(); // charged (estimate or actual) minus released
    AtomicLong maxSeenRequests = new AtomicLong();
    AtomicLong maxSeenTokens = new AtomicLong();
    AtomicLong totalAdmitted = new AtomicLong();
    AtomicLong totalDenied = new AtomicLong();
    AtomicLong totalReleased = new AtomicLong();
    // settled reservations hold their request for good (the clock stands still): cap them
    AtomicInteger settleBudget = new AtomicInteger((int) maxRpm / 3);

    hammer(
        t -> {
          Random random = new Random(seed + t);
          List<Reservation> held = new ArrayList<>();
          for (int op = 0; op < opsPerThread; op++) {
            boolean reserve =
                held.isEmpty() || (held.size() < heldPerThread && random.nextInt(10) < 6);
            if (reserve) {
              long estimate = 1 + random.nextInt(200);
              ReserveResult result = ledger.reserve(k, limits, estimate);
              if (result.isAdmitted()) {
                held.add(result.reservation());
                totalAdmitted.incrementAndGet();
                maxSeenRequests.accumulateAndGet(outstandingRequests.incrementAndGet(), Math::max);
                maxSeenTokens.accumulateAndGet(outstandingTokens.addAndGet(estimate), Math::max);
              } else {
                totalDenied.incrementAndGet();
              }
            } else {
              Reservation r = held.remove(random.nextInt(held.size()));
              if (random.nextInt(5) == 0 && settleBudget.getAndDecrement() > 0) {
                long actual = random.nextInt((int) r.tokens() + 1); // actual <= estimate
                outstandingTokens.addAndGet(actual - r.tokens());
                ledger.settle(r, actual);
              } else {
                outstandingRequests.decrementAndGet();
                outstandingTokens.addAndGet(-r.tokens());
                ledger.release(r);
                totalReleased.incrementAndGet();
              }
            }
          }
          for (Reservation r : held) {
            outstandingRequests.decrementAndGet();
            outstandingTokens.addAndGet(-r.tokens());
            ledger.release(r);
            totalReleased.incrementAndGet();
          }
        });

    String seedNote = "seed " + seed;
    assertThat(maxSeenRequests.get()).as(seedNote).isLessThanOrEqualTo(maxRpm);
    assertThat(maxSeenTokens.get()).as(seedNote).isLessThanOrEqualTo(maxTpm);
    assertThat(totalDenied.get()).as("contention reached the limit, " + seedNote).isPositive();
    assertThat(totalAdmitted.get()).as("capacity was recycled, " + seedNote).isGreaterThan(maxRpm);
    // no update lost: what is left on the ledger is exactly the settled reservations
    assertThat(usageOf(k))
        .as(seedNote)
        .isEqualTo(new UsageSnapshot(outstandingRequests.get(), outstandingTokens.get()));
    assertThat(outstandingRequests.get())
        .isEqualTo(totalAdmitted.get() - totalReleased.get())
        .isLessThanOrEqualTo(maxRpm / 3);
  }

  @FunctionalInterface
  private interface ThreadBody {
    void run(int threadIndex) throws Exception;
  }
}
