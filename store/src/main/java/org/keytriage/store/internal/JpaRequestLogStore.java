package org.keytriage.store.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.keytriage.core.accounting.BudgetSpend;
import org.keytriage.core.requests.HourlySpend;
import org.keytriage.core.requests.RequestLogStore;
import org.keytriage.core.requests.RequestPage;
import org.keytriage.core.requests.RequestQuery;
import org.keytriage.core.requests.RequestRecord;
import org.keytriage.core.requests.SpendQuery;
import org.keytriage.core.requests.SpendRow;

/**
 * The request log and spend roll-ups in the database. An append inserts the rows and adds them to
 * their hourly cells in one transaction. It is idempotent: rows whose id is already stored (a
 * batch retried after a commit whose answer was lost) are skipped with their spend, so a retry
 * never counts twice. A cell is added to with one {@code UPDATE … SET cost = cost + ?} (the
 * database serialises concurrent appends from several nodes on the row); a missing cell is
 * inserted, and two nodes inserting the same cell at once make one of them retry its batch.
 */
public final class JpaRequestLogStore implements RequestLogStore {
  private final Jpa jpa;

  public JpaRequestLogStore(Jpa jpa) {
    this.jpa = jpa;
  }

  @Override
  public void append(List<RequestRecord> rows) {
    if (rows.isEmpty()) {
      return;
    }
    jpa.run(em -> {
      List<String> ids = rows.stream().map(RequestRecord::requestId).toList();
      Set<String> stored = new HashSet<>(em.createQuery(
              "SELECT r.requestId FROM RequestRow r WHERE r.requestId IN :ids", String.class)
          .setParameter("ids", ids).getResultList());
      List<RequestRecord> fresh = new ArrayList<>(rows.size());
      Set<String> seen = new HashSet<>();
      for (RequestRecord r : rows) {
        if (!stored.contains(r.requestId()) && seen.add(r.requestId())) {
          fresh.add(r);
          em.persist(RequestRow.of(r));
        }
      }
      HourlySpend.of(fresh).forEach((cell, totals) -> addToCell(em, cell, totals));
    });
  }

  private static void addToCell(EntityManager em, HourlySpend cell, HourlySpend.Totals t) {
    int updated = em.createQuery("UPDATE SpendHourRow c SET c.requests = c.requests + :requests,"
            + " c.promptTokens = c.promptTokens + :prompt, c.completionTokens = c.completionTokens + :completion,"
            + " c.cost = c.cost + :cost WHERE c.hourStartMs = :hour AND c.keyId = :key AND c.taskType = :task"
            + " AND c.integrator = :integrator")
        .setParameter("requests", t.requests())
        .setParameter("prompt", t.promptTokens())
        .setParameter("completion", t.completionTokens())
        .setParameter("cost", t.cost())
        .setParameter("hour", cell.hour().toEpochMilli())
        .setParameter("key", cell.keyId())
        .setParameter("task", cell.taskType())
        .setParameter("integrator", cell.integrator())
        .executeUpdate();
    if (updated == 0) {
      em.persist(SpendHourRow.of(cell, t));
    }
  }

  @Override
  public RequestPage find(RequestQuery q) {
    return jpa.read(em -> {
      StringBuilder where = new StringBuilder(" WHERE 1 = 1");
      Map<String, Object> params = new LinkedHashMap<>();
      if (q.from() != null) {
        where.append(" AND r.endedAtMs >= :from");
        params.put("from", q.from().toEpochMilli());
      }
      if (q.to() != null) {
        where.append(" AND r.endedAtMs < :to");
        params.put("to", q.to().toEpochMilli());
      }
      filter(where, params, "taskType", q.taskType());
      filter(where, params, "keyId", q.keyId());
      filter(where, params, "integrator", q.integrator());
      filter(where, params, "outcome", q.outcome());
      TypedQuery<RequestRow> rows = em.createQuery(
          "SELECT r FROM RequestRow r" + where + " ORDER BY r.endedAtMs DESC, r.requestId DESC", RequestRow.class);
      TypedQuery<Long> count = em.createQuery("SELECT COUNT(r) FROM RequestRow r" + where, Long.class);
      params.forEach((k, v) -> {
        rows.setParameter(k, v);
        count.setParameter(k, v);
      });
      List<RequestRecord> page = rows.setFirstResult(q.offset()).setMaxResults(q.limit()).getResultList()
          .stream().map(RequestRow::toRecord).toList();
      return new RequestPage(page, count.getSingleResult());
    });
  }

  private static void filter(StringBuilder where, Map<String, Object> params, String field, String value) {
    if (value != null) {
      where.append(" AND r.").append(field).append(" = :").append(field);
      params.put(field, value);
    }
  }

  @Override
  public List<SpendRow> spend(SpendQuery q) {
    String group = switch (q.groupBy()) {
      case KEY -> "c.keyId";
      case TASK_TYPE -> "c.taskType";
      case INTEGRATOR -> "c.integrator";
    };
    List<Object[]> hours = jpa.read(em -> em.createQuery("SELECT c.hourStartMs, " + group
                + ", SUM(c.requests), SUM(c.promptTokens), SUM(c.completionTokens), SUM(c.cost)"
                + " FROM SpendHourRow c WHERE c.hourStartMs >= :from AND c.hourStartMs < :to"
                + " GROUP BY c.hourStartMs, " + group, Object[].class)
            .setParameter("from", q.from().truncatedTo(ChronoUnit.HOURS).toEpochMilli())
            .setParameter("to", q.to().toEpochMilli())
            .getResultList());
    // hours fold into days here: the same on every database, and a month is at most 744 hours a group
    Map<Instant, Map<String, HourlySpend.Totals>> buckets = new TreeMap<>();
    for (Object[] h : hours) {
      Instant hour = Instant.ofEpochMilli(((Number) h[0]).longValue());
      Instant bucket = q.interval() == SpendQuery.Interval.DAY ? hour.truncatedTo(ChronoUnit.DAYS) : hour;
      HourlySpend.Totals t = new HourlySpend.Totals(((Number) h[2]).longValue(), ((Number) h[3]).longValue(),
          ((Number) h[4]).longValue(), ((Number) h[5]).doubleValue());
      buckets.computeIfAbsent(bucket, b -> new TreeMap<>()).merge((String) h[1], t, HourlySpend.Totals::plus);
    }
    List<SpendRow> out = new ArrayList<>();
    buckets.forEach((bucket, groups) -> groups.forEach((g, t) ->
        out.add(new SpendRow(bucket, g, t.requests(), t.promptTokens(), t.completionTokens(), t.cost()))));
    return out;
  }

  @Override
  public Map<String, BudgetSpend> spendByKey(Instant dayStart, Instant monthStart) {
    Map<String, Double> month = sumsSince(monthStart);
    Map<String, Double> day = sumsSince(dayStart);
    Map<String, BudgetSpend> out = new TreeMap<>();
    month.forEach((key, m) -> out.put(key, new BudgetSpend(day.getOrDefault(key, 0.0), m)));
    return out;
  }

  private Map<String, Double> sumsSince(Instant since) {
    List<Object[]> rows = jpa.read(em -> em.createQuery(
            "SELECT c.keyId, SUM(c.cost) FROM SpendHourRow c WHERE c.hourStartMs >= :since GROUP BY c.keyId",
            Object[].class)
        .setParameter("since", since.toEpochMilli())
        .getResultList());
    Map<String, Double> out = new TreeMap<>();
    rows.forEach(r -> out.put((String) r[0], ((Number) r[1]).doubleValue()));
    return out;
  }

  @Override
  public int purgeBefore(Instant before) {
    return jpa.inTransaction(em -> em.createQuery("DELETE FROM RequestRow r WHERE r.endedAtMs < :before")
        .setParameter("before", before.toEpochMilli())
        .executeUpdate());
  }
}
