package org.keytriage.core.metrics.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A metric family's cells, one per combination of label values, created on first use. Lookups of
 * an existing cell take no lock, so recording on the request thread stays cheap.
 *
 * @param <C> the cell: an adder, or a histogram's buckets
 */
public final class Series<C> {
  private static final Comparator<List<String>> BY_LABELS = (a, b) -> {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  };

  private final List<String> labelNames;
  private final Supplier<C> newCell;
  private final Map<List<String>, C> cells = new ConcurrentHashMap<>();

  /**
   * @param labelNames the labels every cell has, in the order values are given
   * @param newCell makes an empty cell
   */
  public Series(List<String> labelNames, Supplier<C> newCell) {
    this.labelNames = List.copyOf(labelNames);
    this.newCell = Objects.requireNonNull(newCell, "newCell");
  }

  /** The cell for these label values (one per label name, none null), made empty if new. */
  public C cell(String... labelValues) {
    if (labelValues.length != labelNames.size()) {
      throw new IllegalArgumentException("Expected values for " + labelNames + ", got " + labelValues.length);
    }
    List<String> key = List.of(labelValues);
    C c = cells.get(key);
    return c != null ? c : cells.computeIfAbsent(key, k -> newCell.get());
  }

  public List<String> labelNames() {
    return labelNames;
  }

  /** The cells sorted by label values, so that every scrape lists series in the same order. */
  public List<Map.Entry<List<String>, C>> sorted() {
    List<Map.Entry<List<String>, C>> entries = new ArrayList<>(cells.entrySet());
    entries.sort(Map.Entry.comparingByKey(BY_LABELS));
    return entries;
  }
}
