package org.keytriage.core.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.keytriage.core.accounting.BudgetSpend;
import org.keytriage.core.events.Origin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RequestLogStore} must do; each implementation's test extends this with its own
 * {@link #open()}.
 */
public abstract class RequestLogStoreContract {
  protected static final Instant T0 = Instant.parse("2026-12-02T10:15:00Z");

  protected RequestLogStore store;

  /** A new, empty store. */
  protected abstract RequestLogStore open();

  @BeforeEach
  void openStore() {
    store = open();
  }

  @AfterEach
  void closeStore() {
    store.close();
    afterClose();
  }

  /** Drops what {@link #open()} made, after the store is closed; nothing by default. */
  protected void afterClose() {}

  protected static RequestRecord row(String id, Instant at, String integrator, String task, String key, long prompt,
      long completion, double cost, String outcome) {
    return new RequestRecord(id, at, integrator, Origin.OPENAI, task, key, 1, prompt, completion, cost, 42, outcome);
  }

  private static RequestRecord ok(String id, Instant at, String integrator, String task, String key, double cost) {
    return row(id, at, integrator, task, key, 100, 50, cost, RequestRecord.OK);
  }

  @Test
  void rowsComeBackNewestFirstWithEveryField() {
    RequestRecord a = new RequestRecord("r-a", T0, "ehr", Origin.TASK, "genomics_analysis", "k1", 2, 120, 80,
        0.0125, 310, RequestRecord.OK);
    RequestRecord b = new RequestRecord("r-b", T0.plusSeconds(5), "lab", Origin.BATCH, "batch_processing", null, 0,
        0, 0, 0, 3, "no_available_key");
    store.append(List.of(a, b));

    RequestPage page = store.find(RequestQuery.all());

    assertThat(page.total()).isEqualTo(2);
    assertThat(page.rows()).containsExactly(b, a);
  }

  @Test
  void filtersAndPagesAreApplied() {
    store.append(List.of(
        ok("r1", T0, "ehr", "medical_text_analysis", "k1", 0.01),
        ok("r2", T0.plusSeconds(1), "ehr", "genomics_analysis", "k2", 0.02),
        ok("r3", T0.plusSeconds(2), "lab", "medical_text_analysis", "k1", 0.03),
        row("r4", T0.plusSeconds(3), "lab", "medical_text_analysis", null, 0, 0, 0, "no_available_key")));

    assertThat(ids(new RequestQuery(null, null, "medical_text_analysis", null, null, null, 0, 10)))
        .containsExactly("r4", "r3", "r1");
    assertThat(ids(new RequestQuery(null, null, null, "k1", "ehr", null, 0, 10))).containsExactly("r1");
    assertThat(ids(new RequestQuery(null, null, null, null, null, "no_available_key", 0, 10))).containsExactly("r4");
    assertThat(ids(new RequestQuery(T0.plusSeconds(1), T0.plusSeconds(3), null, null, null, null, 0, 10)))
        .containsExactly("r3", "r2");
    RequestPage second = store.find(RequestQuery.all().page(1, 2));
    assertThat(second.rows()).extracting(RequestRecord::requestId).containsExactly("r3", "r2");
    assertThat(second.total()).isEqualTo(4);
  }

  private List<String> ids(RequestQuery q) {
    return store.find(q).rows().stream().map(RequestRecord::requestId).toList();
  }

  @Test
  void spendRollsUpByGroupAndBucket() {
    Instant nextHour = T0.plusSeconds(3600);
    Instant nextDay = T0.plusSeconds(86_400);
    store.append(List.of(
        ok("r1", T0, "ehr", "medical_text_analysis", "k1", 0.25),
        ok("r2", T0.plusSeconds(60), "ehr", "genomics_analysis", "k1", 0.5),
        ok("r3", nextHour, "lab", "medical_text_analysis", "k2", 1.0),
        ok("r4", nextDay, "lab", "medical_text_analysis", "k2", 2.0),
        row("r5", T0, "lab", "medical_text_analysis", null, 0, 0, 0, "no_available_key")));
    Instant from = Instant.parse("2026-12-02T00:00:00Z");
    Instant to = Instant.parse("2026-12-04T00:00:00Z");

    List<SpendRow> byKeyHour = store.spend(new SpendQuery(from, to, SpendQuery.GroupBy.KEY, SpendQuery.Interval.HOUR));
    assertThat(byKeyHour).extracting(SpendRow::periodStart, SpendRow::group, SpendRow::requests)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-12-02T10:00:00Z"), "k1", 2L),
            org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-12-02T11:00:00Z"), "k2", 1L),
            org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-12-03T10:00:00Z"), "k2", 1L));
    assertThat(byKeyHour.get(0).cost()).isCloseTo(0.75, within(1e-9));
    assertThat(byKeyHour.get(0).promptTokens()).isEqualTo(200);
    assertThat(byKeyHour.get(0).completionTokens()).isEqualTo(100);

    List<SpendRow> byTaskDay =
        store.spend(new SpendQuery(from, to, SpendQuery.GroupBy.TASK_TYPE, SpendQuery.Interval.DAY));
    assertThat(byTaskDay).extracting(SpendRow::periodStart, SpendRow::group, SpendRow::requests)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(from, "genomics_analysis", 1L),
            org.assertj.core.groups.Tuple.tuple(from, "medical_text_analysis", 2L),
            org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-12-03T00:00:00Z"), "medical_text_analysis", 1L));
    assertThat(byTaskDay.get(1).cost()).isCloseTo(1.25, within(1e-9));

    List<SpendRow> byIntegrator =
        store.spend(new SpendQuery(from, to, SpendQuery.GroupBy.INTEGRATOR, SpendQuery.Interval.DAY));
    assertThat(byIntegrator).extracting(SpendRow::group, SpendRow::cost)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ehr", 0.75), org.assertj.core.groups.Tuple.tuple("lab", 1.0),
            org.assertj.core.groups.Tuple.tuple("lab", 2.0));
  }

  @Test
  void aRetriedBatchIsCountedOnce() {
    List<RequestRecord> batch = List.of(ok("r1", T0, "ehr", "medical_text_analysis", "k1", 0.5),
        ok("r2", T0, "ehr", "medical_text_analysis", "k1", 0.25));
    store.append(batch);
    store.append(batch);
    store.append(List.of(ok("r2", T0, "ehr", "medical_text_analysis", "k1", 0.25),
        ok("r3", T0, "ehr", "medical_text_analysis", "k1", 1.0)));

    assertThat(store.find(RequestQuery.all()).total()).isEqualTo(3);
    List<SpendRow> spend = store.spend(new SpendQuery(T0.minusSeconds(3600), T0.plusSeconds(3600),
        SpendQuery.GroupBy.KEY, SpendQuery.Interval.HOUR));
    assertThat(spend).hasSize(1);
    assertThat(spend.get(0).requests()).isEqualTo(3);
    assertThat(spend.get(0).cost()).isCloseTo(1.75, within(1e-9));
  }

  @Test
  void spendByKeyCountsTheDayAndTheMonth() {
    Instant monthStart = Instant.parse("2026-12-01T00:00:00Z");
    Instant dayStart = Instant.parse("2026-12-02T00:00:00Z");
    store.append(List.of(
        ok("r0", Instant.parse("2026-11-30T23:59:59Z"), "ehr", "t", "k1", 100.0),
        ok("r1", Instant.parse("2026-12-01T08:00:00Z"), "ehr", "t", "k1", 1.0),
        ok("r2", T0, "ehr", "t", "k1", 0.5),
        ok("r3", T0, "lab", "u", "k2", 0.25)));

    Map<String, BudgetSpend> spend = store.spendByKey(dayStart, monthStart);

    assertThat(spend).containsOnlyKeys("k1", "k2");
    assertThat(spend.get("k1").today()).isCloseTo(0.5, within(1e-9));
    assertThat(spend.get("k1").thisMonth()).isCloseTo(1.5, within(1e-9));
    assertThat(spend.get("k2").today()).isCloseTo(0.25, within(1e-9));
  }

  @Test
  void purgingRemovesOldRowsButKeepsTheirSpend() {
    store.append(List.of(ok("old", T0.minusSeconds(86_400 * 40L), "ehr", "t", "k1", 2.0),
        ok("new", T0, "ehr", "t", "k1", 1.0)));

    int purged = store.purgeBefore(T0.minusSeconds(86_400 * 30L));

    assertThat(purged).isEqualTo(1);
    assertThat(store.find(RequestQuery.all()).rows()).extracting(RequestRecord::requestId).containsExactly("new");
    List<SpendRow> spend = store.spend(new SpendQuery(T0.minusSeconds(86_400 * 50L), T0.plusSeconds(60),
        SpendQuery.GroupBy.KEY, SpendQuery.Interval.DAY));
    assertThat(spend).extracting(SpendRow::cost).containsExactly(2.0, 1.0);
  }
}
