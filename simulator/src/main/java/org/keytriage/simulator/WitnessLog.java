package org.keytriage.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.keytriage.simulator.internal.WindowSweep;

/**
 * Every request the simulator received on an API endpoint with a known key, by key label: the
 * ground truth a gateway test checks its rate limiting against. Thread-safe; the queries work on a
 * snapshot.
 *
 * <p>Windows are half-open, {@code [t, t + window)}, matching the simulator's limiter: two requests
 * exactly one window apart never share a window. The maxima are exact: a sweep over the sorted
 * timestamps considers every window that starts at a request, which is where a maximum is reached.
 */
public final class WitnessLog {
  private final Map<String, List<WitnessEntry>> byLabel = new LinkedHashMap<>();

  /** Adds an entry; the simulator calls this, and tests may too to check the sweep. */
  public void record(WitnessEntry entry) {
    Objects.requireNonNull(entry, "entry");
    synchronized (byLabel) {
      byLabel.computeIfAbsent(entry.label(), l -> new ArrayList<>()).add(entry);
    }
  }

  /** The entries for one label in the order recorded; empty for an unseen label. */
  public List<WitnessEntry> entries(String label) {
    synchronized (byLabel) {
      List<WitnessEntry> list = byLabel.get(label);
      return list == null ? List.of() : List.copyOf(list);
    }
  }

  /** Every entry, grouped by label in the order labels were first seen. */
  public List<WitnessEntry> entries() {
    synchronized (byLabel) {
      List<WitnessEntry> all = new ArrayList<>();
      byLabel.values().forEach(all::addAll);
      return List.copyOf(all);
    }
  }

  /** The labels seen so far, in the order first seen. */
  public Set<String> labels() {
    synchronized (byLabel) {
      return new LinkedHashSet<>(byLabel.keySet());
    }
  }

  /** How many requests were recorded for the label, whatever their status. */
  public long requestCount(String label) {
    synchronized (byLabel) {
      List<WitnessEntry> list = byLabel.get(label);
      return list == null ? 0 : list.size();
    }
  }

  /**
   * The most requests for the label in any window {@code [t, t + window)}.
   *
   * @param acceptedOnly count only requests the limiter admitted (what a rate limit is about)
   */
  public long maxRequestsInAnyWindow(String label, Duration window, boolean acceptedOnly) {
    List<WitnessEntry> chosen = select(label, acceptedOnly);
    long[] times = new long[chosen.size()];
    long[] ones = new long[chosen.size()];
    for (int i = 0; i < times.length; i++) {
      times[i] = chosen.get(i).epochMillis();
      ones[i] = 1;
    }
    return WindowSweep.maxSumInWindow(times, ones, windowMillis(window));
  }

  /**
   * The most tokens for the label in any window {@code [t, t + window)}.
   *
   * @param acceptedOnly count only requests the limiter admitted
   */
  public long maxTokensInAnyWindow(String label, Duration window, boolean acceptedOnly) {
    List<WitnessEntry> chosen = select(label, acceptedOnly);
    long[] times = new long[chosen.size()];
    long[] tokens = new long[chosen.size()];
    for (int i = 0; i < times.length; i++) {
      times[i] = chosen.get(i).epochMillis();
      tokens[i] = chosen.get(i).tokens();
    }
    return WindowSweep.maxSumInWindow(times, tokens, windowMillis(window));
  }

  /** Forgets everything. */
  public void clear() {
    synchronized (byLabel) {
      byLabel.clear();
    }
  }

  private List<WitnessEntry> select(String label, boolean acceptedOnly) {
    List<WitnessEntry> all = entries(label);
    return acceptedOnly ? all.stream().filter(WitnessEntry::accepted).toList() : all;
  }

  private static long windowMillis(Duration window) {
    if (window == null || window.toMillis() < 1) {
      throw new IllegalArgumentException("window must be at least 1 ms (was " + window + ")");
    }
    return window.toMillis();
  }
}
