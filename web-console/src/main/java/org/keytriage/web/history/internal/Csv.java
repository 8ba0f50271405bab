package org.keytriage.web.history.internal;

import java.util.List;

/**
 * CSV (RFC 4180) for exports: fields with a comma, quote or line break are quoted, and a field a
 * spreadsheet would run as a formula ({@code = + - @} first) is prefixed with a quote mark.
 */
public final class Csv {
  private final StringBuilder out = new StringBuilder(4096);

  public Csv(List<String> header) {
    row(header.toArray());
  }

  public Csv row(Object... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields[i]));
    }
    out.append("\r\n");
    return this;
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    if (!s.isEmpty() && !(value instanceof Number) && "=+-@".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
