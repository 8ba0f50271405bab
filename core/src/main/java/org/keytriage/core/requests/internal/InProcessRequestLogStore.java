package org.keytriage.core.requests.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.keytriage.core.accounting.BudgetSpend;
import org.keytriage.core.requests.HourlySpend;
import org.keytriage.core.requests.RequestLogStore;
import org.keytriage.core.requests.RequestPage;
import org.keytriage.core.requests.RequestQuery;
import org.keytriage.core.requests.RequestRecord;
import org.keytriage.core.requests.SpendQuery;
import org.keytriage.core.requests.SpendRow;

/** The request log of one JVM, in memory: for the library path and tests. Thread-safe. */
public final class InProcessRequestLogStore implements RequestLogStore {
  private final Map<String, RequestRecord> rows = new LinkedHashMap<>();
  private final Map<HourlySpend, HourlySpend.Totals> cells = new HashMap<>();

  @Override
  public synchronized void append(List<RequestRecord> batch) {
    // a row already here (a retried batch) is skipped with its spend, as the contract says
    List<RequestRecord> fresh = new ArrayList<>(batch.size());
    for (RequestRecord r : batch) {
      if (rows.putIfAbsent(r.requestId(), r) == null) {
        fresh.add(r);
      }
    }
    HourlySpend.of(fresh).forEach((cell, totals) -> cells.merge(cell, totals, HourlySpend.Totals::plus));
  }

  @Override
  public synchronized RequestPage find(RequestQuery query) {
    List<RequestRecord> matching = new ArrayList<>();
    for (RequestRecord r : rows.values()) {
      if (query.matches(r)) {
        matching.add(r);
      }
    }
    matching.sort(Comparator.comparing(RequestRecord::at).thenComparing(RequestRecord::requestId).reversed());
    int from = Math.min(query.offset(), matching.size());
    int to = Math.min(from + query.limit(), matching.size());
    return new RequestPage(matching.subList(from, to), matching.size());
  }

  @Override
  public synchronized List<SpendRow> spend(SpendQuery query) {
    Instant from = query.from().truncatedTo(ChronoUnit.HOURS);
    Map<Instant, Map<String, HourlySpend.Totals>> buckets = new TreeMap<>();
    cells.forEach((cell, totals) -> {
      if (!cell.hour().isBefore(from) && cell.hour().isBefore(query.to())) {
        buckets.computeIfAbsent(cell.bucket(query.interval()), b -> new TreeMap<>())
            .merge(cell.group(query.groupBy()), totals, HourlySpend.Totals::plus);
      }
    });
    List<SpendRow> out = new ArrayList<>();
    buckets.forEach((bucket, groups) -> groups.forEach((group, t) ->
        out.add(new SpendRow(bucket, group, t.requests(), t.promptTokens(), t.completionTokens(), t.cost()))));
    return out;
  }

  @Override
  public synchronized Map<String, BudgetSpend> spendByKey(Instant dayStart, Instant monthStart) {
    Map<String, double[]> sums = new TreeMap<>();
    cells.forEach((cell, totals) -> {
      if (!cell.hour().isBefore(monthStart)) {
        double[] s = sums.computeIfAbsent(cell.keyId(), k -> new double[2]);
        s[1] += totals.cost();
        if (!cell.hour().isBefore(dayStart)) {
          s[0] += totals.cost();
        }
      }
    });
    Map<String, BudgetSpend> out = new LinkedHashMap<>();
    sums.forEach((key, s) -> out.put(key, new BudgetSpend(s[0], s[1])));
    return out;
  }

  @Override
  public synchronized int purgeBefore(Instant before) {
    int size = rows.size();
    rows.values().removeIf(r -> r.at().isBefore(before));
    return size - rows.size();
  }
}
