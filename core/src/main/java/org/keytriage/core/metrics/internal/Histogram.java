package org.keytriage.core.metrics.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A histogram family of durations in seconds: per label combination, cumulative {@code _bucket}
 * series with an {@code le} label, {@code _sum} and {@code _count}. Unlike a summary it can be
 * added up across nodes and turned into any quantile with {@code histogram_quantile()}.
 */
public final class Histogram {
  private final String name;
  private final String help;
  private final long[] upperBoundsNanos;
  private final Series<Buckets> series;

  /**
   * @param upperBoundsNanos the buckets' inclusive upper bounds in nanoseconds, ascending; {@code
   *     +Inf} is added
   */
  public Histogram(String name, String help, long[] upperBoundsNanos, String... labelNames) {
    for (int i = 1; i < upperBoundsNanos.length; i++) {
      if (upperBoundsNanos[i] <= upperBoundsNanos[i - 1]) {
        throw new IllegalArgumentException("Bucket bounds must ascend: " + Arrays.toString(upperBoundsNanos));
      }
    }
    this.name = name;
    this.help = help;
    this.upperBoundsNanos = upperBoundsNanos.clone();
    long[] bounds = this.upperBoundsNanos;
    this.series = new Series<>(List.of(labelNames), () -> new Buckets(bounds));
  }

  /** The series for these label values. */
  public Buckets at(String... labelValues) {
    return series.cell(labelValues);
  }

  public void writeTo(Appendable out) throws IOException {
    TextFormat.header(out, name, help, "histogram");
    List<String> bucketLabels = new ArrayList<>(series.labelNames());
    bucketLabels.add("le");
    for (Map.Entry<List<String>, Buckets> e : series.sorted()) {
      long[] counts = e.getValue().counts();
      long sumNanos = e.getValue().sumNanos();
      List<String> values = new ArrayList<>(e.getKey());
      values.add("");
      long cumulative = 0;
      for (int i = 0; i < counts.length; i++) {
        cumulative += counts[i];
        values.set(values.size() - 1, i < upperBoundsNanos.length ? TextFormat.seconds(upperBoundsNanos[i]) : "+Inf");
        TextFormat.sample(out, name + "_bucket", bucketLabels, values, Long.toString(cumulative));
      }
      TextFormat.sample(out, name + "_sum", series.labelNames(), e.getKey(), TextFormat.seconds(sumNanos));
      // the count is the +Inf bucket by construction, even while other threads record: Prometheus
      // requires the two to be equal
      TextFormat.sample(out, name + "_count", series.labelNames(), e.getKey(), Long.toString(cumulative));
    }
  }
}
