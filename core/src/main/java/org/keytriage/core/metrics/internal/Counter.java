package org.keytriage.core.metrics.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A counter family: monotonic values per label combination, never reset while the process runs
 * (Prometheus' {@code rate()} treats a drop as a restart).
 *
 * @param <A> the adder: {@link LongAdder} for counts, {@link DoubleAdder} for amounts
 */
public final class Counter<A> {
  private final String name;
  private final String help;
  private final Series<A> series;
  private final Function<A, String> value;

  private Counter(String name, String help, List<String> labelNames, Supplier<A> newCell, Function<A, String> value) {
    this.name = name;
    this.help = help;
    this.series = new Series<>(labelNames, newCell);
    this.value = value;
  }

  /** A counter of whole numbers (requests, tokens). */
  public static Counter<LongAdder> ofLongs(String name, String help, String... labelNames) {
    return new Counter<>(name, help, List.of(labelNames), LongAdder::new, a -> Long.toString(a.sum()));
  }

  /** A counter of amounts (dollars); callers add only values {@code >= 0}. */
  public static Counter<DoubleAdder> ofDoubles(String name, String help, String... labelNames) {
    return new Counter<>(name, help, List.of(labelNames), DoubleAdder::new, a -> TextFormat.number(a.sum()));
  }

  /** The adder for these label values. */
  public A at(String... labelValues) {
    return series.cell(labelValues);
  }

  public void writeTo(Appendable out) throws IOException {
    TextFormat.header(out, name, help, "counter");
    for (Map.Entry<List<String>, A> e : series.sorted()) {
      TextFormat.sample(out, name, series.labelNames(), e.getKey(), value.apply(e.getValue()));
    }
  }
}
