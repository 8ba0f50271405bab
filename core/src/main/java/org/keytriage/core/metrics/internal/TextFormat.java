package org.keytriage.core.metrics.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The few rules of Prometheus' text exposition format 0.0.4 that KeyTriage's series need: the
 * {@code # HELP} and {@code # TYPE} lines, one sample line, escaping and number formatting. Every
 * line ends with {@code \n}, as the format requires (never {@code \r\n}).
 */
public final class TextFormat {
  private TextFormat() {}

  /** Writes a family's {@code # HELP} and {@code # TYPE} lines. */
  public static void header(Appendable out, String name, String help, String type) throws IOException {
    out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  /**
   * Writes one sample: {@code name{l1="v1",l2="v2"} value}.
   *
   * @param labelNames the labels' names, in order
   * @param labelValues their values, unescaped, as many as names
   * @param value the value, already formatted ({@link #number(double)}, {@link #seconds(long)})
   */
  public static void sample(Appendable out, String name, List<String> labelNames, List<String> labelValues,
      String value) throws IOException {
    out.append(name);
    if (!labelNames.isEmpty()) {
      out.append('{');
      for (int i = 0; i < labelNames.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(labelNames.get(i)).append("=\"").append(escapeLabelValue(labelValues.get(i))).append('"');
      }
      out.append('}');
    }
    out.append(' ').append(value).append('\n');
  }

  /** A label value with backslash, double quote and line feed escaped, as the format requires. */
  public static String escapeLabelValue(String value) {
    return escape(value, true);
  }

  /** A help text with backslash and line feed escaped (a quote is legal there). */
  public static String escapeHelp(String help) {
    return escape(help, false);
  }

  private static String escape(String s, boolean quotes) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String replacement = switch (c) {
        case '\\' -> "\\\\";
        case '\n' -> "\\n";
        case '"' -> quotes ? "\\\"" : null;
        default -> null;
      };
      if (replacement != null && b == null) {
        // most values need nothing: copy only once something has to change
        b = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (b != null) {
        if (replacement != null) {
          b.append(replacement);
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? s : b.toString();
  }

  /**
   * A sample value as Prometheus parses it: whole numbers without a fraction ({@code 600}, not
   * {@code 600.0}), others in Java's shortest round-trip form, and {@code NaN}, {@code +Inf},
   * {@code -Inf}.
   */
  public static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  /** Nanoseconds as exact decimal seconds, e.g. {@code 500000000} → {@code 0.5}. */
  public static String seconds(long nanos) {
    return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString();
  }
}
