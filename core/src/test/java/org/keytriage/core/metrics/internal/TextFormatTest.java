package org.keytriage.core.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextFormatTest {

  @Test
  void labelValuesEscapeBackslashQuoteAndLineFeed() {
    assertThat(TextFormat.escapeLabelValue("a\\b\"c\nd")).isEqualTo("a\\\\b\\\"c\\nd");
    assertThat(TextFormat.escapeLabelValue("medical_primary")).isEqualTo("medical_primary");
  }

  @Test
  void helpEscapesBackslashAndLineFeedButKeepsQuotes() {
    assertThat(TextFormat.escapeHelp("say \"hi\"\\\nbye")).isEqualTo("say \"hi\"\\\\\\nbye");
  }

  @Test
  void sampleLinesQuoteEscapedLabelValuesInOrder() throws IOException {
    StringBuilder b = new StringBuilder();
    TextFormat.sample(b, "m_total", List.of("a", "b"), List.of("x\"y", "z"), "3");
    TextFormat.sample(b, "m_plain", List.of(), List.of(), "1");
    assertThat(b).hasToString("m_total{a=\"x\\\"y\",b=\"z\"} 3\nm_plain 1\n");
  }

  @Test
  void numbersAreWholeWithoutAFractionAndSpecialsAsPrometheusSpellsThem() {
    assertThat(TextFormat.number(600)).isEqualTo("600");
    assertThat(TextFormat.number(0.25)).isEqualTo("0.25");
    assertThat(TextFormat.number(-0.0)).isEqualTo("0");
    assertThat(TextFormat.number(Double.NaN)).isEqualTo("NaN");
    assertThat(TextFormat.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(TextFormat.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThat(Double.parseDouble(TextFormat.number(1e-7))).isEqualTo(1e-7);
  }

  @Test
  void nanosecondsBecomeExactDecimalSeconds() {
    assertThat(TextFormat.seconds(500_000_000L)).isEqualTo("0.5");
    assertThat(TextFormat.seconds(5_000_000L)).isEqualTo("0.005");
    assertThat(TextFormat.seconds(120_000_000_000L)).isEqualTo("120");
    assertThat(TextFormat.seconds(1L)).isEqualTo("0.000000001");
    assertThat(TextFormat.seconds(0L)).isEqualTo("0");
  }
}
