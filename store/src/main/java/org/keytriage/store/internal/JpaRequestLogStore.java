package org.keytriage.store.internal;

import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * their hourly cells in one transaction, as plain JDBC batches on the persistence unit's connection.
 * It is idempotent: when the insert fails (a batch retried after a commit whose answer was lost), it
 * is made again without the rows already stored and their spend, so a retry never counts twice. Two
 * nodes inserting the same new cell at once make one of them retry its batch the same way.
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
    try {
      jpa.run(em -> insert(em.unwrap(Connection.class), rows));
    } catch (RuntimeException firstTry) {
      // most likely a batch retried after a commit whose answer was lost: its rows are there
      // already. Again, leaving out the stored ones (and their spend); a real failure fails again.
      jpa.run(em -> {
        Connection c = em.unwrap(Connection.class);
        insert(c, withoutStored(c, rows));
      });
    }
  }

  /**
   * The rows as one JDBC batch (the request log is the store's only high-volume write: at a
   * thousand requests a second, entity bookkeeping per row would cost more CPU than the request),
   * then their hourly cells, in the caller's transaction.
   */
  private static void insert(Connection c, List<RequestRecord> rows) {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO kt_request_log (request_id, ended_at_ms,"
        + " integrator, origin, task_type, key_id, attempts, prompt_tokens, completion_tokens, cost, latency_ms,"
        + " outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (RequestRecord r : rows) {
        insert.setString(1, r.requestId());
        insert.setLong(2, r.at().toEpochMilli());
        insert.setString(3, r.integrator());
        insert.setString(4, r.origin().name());
        insert.setString(5, r.taskType());
        insert.setString(6, r.keyId());
        insert.setInt(7, r.attempts());
        insert.setLong(8, r.promptTokens());
        insert.setLong(9, r.completionTokens());
        insert.setDouble(10, r.cost());
        insert.setLong(11, r.latencyMillis());
        insert.setString(12, r.outcome());
        insert.addBatch();
      }
      insert.executeBatch();
      addToCells(c, HourlySpend.of(rows));
    } catch (SQLException e) {
      throw new IllegalStateException("request log batch of " + rows.size() + " rows not written: "
          + e.getMessage(), e);
    }
  }

  private static List<RequestRecord> withoutStored(Connection c, List<RequestRecord> rows) {
    Set<String> stored = new HashSet<>();
    StringBuilder sql = new StringBuilder("SELECT request_id FROM kt_request_log WHERE request_id IN (");
    for (int i = 0; i < rows.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
    }
    try (PreparedStatement select = c.prepareStatement(sql.append(')').toString())) {
      for (int i = 0; i < rows.size(); i++) {
        select.setString(i + 1, rows.get(i).requestId());
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          stored.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("request log rows could not be checked: " + e.getMessage(), e);
    }
    List<RequestRecord> fresh = new ArrayList<>(rows.size());
    Set<String> seen = new HashSet<>();
    for (RequestRecord r : rows) {
      if (!stored.contains(r.requestId()) && seen.add(r.requestId())) {
        fresh.add(r);
      }
    }
    return fresh;
  }

  /**
   * Adds each cell with one {@code UPDATE ... SET cost = cost + ?} (the database serialises
   * concurrent appends from several nodes on the row), inserting the cells no row had yet.
   */
  private static void addToCells(Connection c, Map<HourlySpend, HourlySpend.Totals> cells) throws SQLException {
    try (PreparedStatement update = c.prepareStatement("UPDATE kt_spend_hour SET requests = requests + ?,"
            + " prompt_tokens = prompt_tokens + ?, completion_tokens = completion_tokens + ?, cost = cost + ?"
            + " WHERE hour_start_ms = ? AND key_id = ? AND task_type = ? AND integrator = ?");
        PreparedStatement insert = c.prepareStatement("INSERT INTO kt_spend_hour (hour_start_ms, key_id, task_type,"
            + " integrator, requests, prompt_tokens, completion_tokens, cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Map.Entry<HourlySpend, HourlySpend.Totals> e : cells.entrySet()) {
        HourlySpend cell = e.getKey();
        HourlySpend.Totals t = e.getValue();
        update.setLong(1, t.requests());
        update.setLong(2, t.promptTokens());
        update.setLong(3, t.completionTokens());
        update.setDouble(4, t.cost());
        update.setLong(5, cell.hour().toEpochMilli());
        update.setString(6, cell.keyId());
        update.setString(7, cell.taskType());
        update.setString(8, cell.integrator());
        if (update.executeUpdate() == 0) {
          insert.setLong(1, cell.hour().toEpochMilli());
          insert.setString(2, cell.keyId());
          insert.setString(3, cell.taskType());
          insert.setString(4, cell.integrator());
          insert.setLong(5, t.requests());
          insert.setLong(6, t.promptTokens());
          insert.setLong(7, t.completionTokens());
          insert.setDouble(8, t.cost());
          insert.executeUpdate();
        }
      }
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
