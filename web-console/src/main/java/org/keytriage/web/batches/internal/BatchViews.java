package org.keytriage.web.batches.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keytriage.core.batch.Batch;
import org.keytriage.core.batch.ItemResult;

/**
 * Batches as JSON. The summary answers a submission: {@code batch_id}, {@code status}, {@code
 * total}. The detail adds {@code task_type}, {@code completed} (items served), {@code failed},
 * {@code pending} (not yet ended), {@code skipped} (never sent because of a cancel), {@code
 * cost_so_far} (the sum of the item costs), {@code created_at}, {@code finished_at} and {@code
 * items}: one entry per ended item, in item order, {@code {index, status, key_id, cost, result,
 * structured, tokens, attempts, latency_ms}} for a served item (as the typed API answers it) or {@code {index, status, cost, error:
 * {code, message}}} for a failed one.
 */
public final class BatchViews {
  private BatchViews() {}

  public static Map<String, Object> summary(Batch b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("batch_id", b.id());
    m.put("status", b.status().json());
    m.put("total", b.total());
    return m;
  }

  public static Map<String, Object> detail(Batch b) {
    List<ItemResult> results = b.results();
    Map<String, Object> m = summary(b);
    m.put("task_type", b.taskType());
    int completed = (int) results.stream().filter(ItemResult::succeeded).count();
    int failed = results.size() - completed;
    m.put("completed", completed);
    m.put("failed", failed);
    m.put("skipped", b.skipped());
    m.put("pending", b.total() - completed - failed - b.skipped());
    double cost = 0;
    for (ItemResult r : results) {
      cost += r.cost(); // in item order: the sum a client makes of the items below
    }
    m.put("cost_so_far", cost);
    m.put("created_at", b.createdAt().toString());
    m.put("finished_at", b.finishedAt().map(Object::toString).orElse(null));
    m.put("items", results.stream().map(BatchViews::item).toList());
    return m;
  }

  static Map<String, Object> item(ItemResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", r.index());
    m.put("status", r.succeeded() ? "succeeded" : "failed");
    if (r.succeeded()) {
      m.put("key_id", r.keyId());
      m.put("cost", r.cost());
      m.putAll(r.answer()); // result, structured, tokens, attempts, latency_ms
    } else {
      m.put("cost", r.cost());
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", r.errorCode());
      error.put("message", r.errorMessage());
      m.put("error", error);
    }
    return m;
  }
}
