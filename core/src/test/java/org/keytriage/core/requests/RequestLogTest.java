package org.keytriage.core.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keytriage.core.alerts.Alert;
import org.keytriage.core.alerts.AlertType;
import org.keytriage.core.errors.ErrorCode;
import org.keytriage.core.events.Origin;
import org.keytriage.core.events.RequestFailed;
import org.keytriage.core.events.RequestServed;
import org.keytriage.core.testing.MutableClock;
import org.keytriage.spi.RoutingHints;

/** The request log writer: off the request path, nothing lost while the store is down, drops counted. */
class RequestLogTest {
  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private final List<Alert> alerts = new CopyOnWriteArrayList<>();
  private final SwitchableStore store = new SwitchableStore();
  private RequestLog log;

  @AfterEach
  void close() {
    store.release.countDown();
    if (log != null) {
      log.close();
    }
  }

  /** The in-process store, which can be made to fail or to hold the writer inside an append. */
  static final class SwitchableStore implements RequestLogStore {
    final RequestLogStore rows = RequestLogStore.inProcess();
    volatile boolean down;
    volatile boolean holding;
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public void append(List<RequestRecord> batch) {
      if (holding) {
        entered.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (down) {
        throw new IllegalStateException("database is down");
      }
      rows.append(batch);
    }

    @Override
    public RequestPage find(RequestQuery q) {
      return rows.find(q);
    }

    @Override
    public List<SpendRow> spend(SpendQuery q) {
      return rows.spend(q);
    }

    @Override
    public java.util.Map<String, org.keytriage.core.accounting.BudgetSpend> spendByKey(Instant d, Instant m) {
      return rows.spendByKey(d, m);
    }

    @Override
    public int purgeBefore(Instant before) {
      return rows.purgeBefore(before);
    }
  }

  private static RequestServed served(String id, double cost) {
    return new RequestServed(T0, id, "medical_text_analysis", Origin.OPENAI, "ehr", RoutingHints.DEFAULT, "m", "k1",
        10, 5, cost, 1, 120, 130_000_000L, false);
  }

  @Test
  void servedAndFailedRequestsBecomeRowsWithoutContent() {
    log = RequestLog.start(store, RequestLogSettings.DEFAULTS, clock, alerts::add);

    log.on(served("r-1", 0.5));
    log.on(new RequestFailed(T0, "r-2", "genomics_analysis", Origin.TASK, "lab", ErrorCode.NO_AVAILABLE_KEY, null, 0,
        0, 0, 2_000_000L));
    assertThat(log.flush()).isTrue();

    assertThat(store.find(RequestQuery.all()).rows()).containsExactlyInAnyOrder(
        new RequestRecord("r-1", T0, "ehr", Origin.OPENAI, "medical_text_analysis", "k1", 1, 10, 5, 0.5, 130, "ok"),
        new RequestRecord("r-2", T0, "lab", Origin.TASK, "genomics_analysis", null, 0, 0, 0, 0, 2, "no_available_key"));
    assertThat(log.stats().written()).isEqualTo(2);
  }

  @Test
  void rowsWaitWhileTheStoreIsDownAndAreWrittenWhenItIsBack() {
    store.down = true;
    log = RequestLog.start(store, RequestLogSettings.DEFAULTS, clock, alerts::add);
    for (int i = 0; i < 25; i++) {
      log.on(served("r-" + i, 0.01));
    }

    assertThat(log.flush()).isFalse();
    assertThat(log.stats().waiting()).isEqualTo(25);
    assertThat(log.stats().failedWrites()).isPositive();

    store.down = false;
    assertThat(log.flush()).isTrue();
    assertThat(store.find(RequestQuery.all()).total()).isEqualTo(25);
    assertThat(log.stats()).extracting(RequestLogStats::waiting, RequestLogStats::dropped).containsExactly(0L, 0L);
  }

  @Test
  void rowsBeyondTheCapacityAreDroppedCountedAndAlertedOnce() throws Exception {
    store.holding = true;
    log = RequestLog.start(store, RequestLogSettings.builder().capacity(3).batchSize(1).build(), clock, alerts::add);
    log.on(served("r-0", 0.01));
    assertThat(store.entered.await(10, TimeUnit.SECONDS)).isTrue(); // the writer holds r-0 inside an append

    for (int i = 1; i <= 6; i++) {
      log.on(served("r-" + i, 0.01));
    }

    assertThat(log.stats().dropped()).isEqualTo(3);
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).type()).isEqualTo(AlertType.REQUEST_LOG_DROPPED);
    assertThat(alerts.get(0).message()).contains("1 since start").contains("keytriage.request-log.capacity");
    store.holding = false;
    store.release.countDown();
    log.close();
    assertThat(store.find(RequestQuery.all()).total()).isEqualTo(4);
  }

  @Test
  void closeWritesWhatIsWaiting() {
    log = RequestLog.start(store, RequestLogSettings.builder().flushInterval(java.time.Duration.ofHours(1)).build(),
        clock, alerts::add);
    for (int i = 0; i < 10; i++) {
      log.on(served("r-" + i, 0.01));
    }

    log.close();

    assertThat(store.find(RequestQuery.all()).total()).isEqualTo(10);
  }
}
