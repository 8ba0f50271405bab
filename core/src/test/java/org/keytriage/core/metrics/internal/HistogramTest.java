package org.keytriage.core.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class HistogramTest {
  private static final long MS = 1_000_000L;

  @Test
  void bucketsAreCumulativeInclusiveAndInfEqualsTheCount() throws IOException {
    Histogram h = new Histogram("d_seconds", "help", new long[] {10 * MS, 100 * MS, 1000 * MS}, "t");
    Buckets b = h.at("x");
    b.observe(3 * MS);
    b.observe(10 * MS); // on the bound: le is "less than or equal"
    b.observe(50 * MS);
    b.observe(5000 * MS);
    b.observe(-1); // a clock step counts as 0

    StringBuilder out = new StringBuilder();
    h.writeTo(out);

    assertThat(out).hasToString("""
        # HELP d_seconds help
        # TYPE d_seconds histogram
        d_seconds_bucket{t="x",le="0.01"} 3
        d_seconds_bucket{t="x",le="0.1"} 4
        d_seconds_bucket{t="x",le="1"} 4
        d_seconds_bucket{t="x",le="+Inf"} 5
        d_seconds_sum{t="x"} 5.063
        d_seconds_count{t="x"} 5
        """);
  }

  @Test
  void boundsMustAscend() {
    assertThatThrownBy(() -> new Histogram("d_seconds", "help", new long[] {2, 2}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
