package org.keytriage.clinical;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A batch's answers, one per item in the order given, with totals.
 *
 * @param items one per input item, in input order
 */
public record BatchOutcome(List<BatchItemOutcome> items) {

  public BatchOutcome {
    items = List.copyOf(items);
  }

  public int succeeded() {
    return (int) items.stream().filter(BatchItemOutcome::succeeded).count();
  }

  public int failed() {
    return items.size() - succeeded();
  }

  /** The sum of the items' costs. */
  public double totalCost() {
    return items.stream().mapToDouble(BatchItemOutcome::cost).sum();
  }

  /** The sum of the items' booked tokens. */
  public long totalTokens() {
    return items.stream()
        .filter(BatchItemOutcome::succeeded)
        .mapToLong(i -> i.outcome().tokens().total())
        .sum();
  }

  /** How many items each key served, by key id. */
  public Map<String, Long> itemsPerKey() {
    Map<String, Long> perKey = new TreeMap<>();
    items.stream()
        .filter(BatchItemOutcome::succeeded)
        .forEach(i -> perKey.merge(i.outcome().keyId(), 1L, Long::sum));
    return perKey;
  }

  @Override
  public String toString() {
    return "BatchOutcome[items=" + items.size() + ", succeeded=" + succeeded() + ", totalCost="
        + totalCost() + "]";
  }
}
