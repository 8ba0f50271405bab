package org.keytriage.tasks.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON parser (RFC 8259) into plain trees: {@code Map<String,Object>} (insertion
 * ordered), {@code List<Object>}, {@code String}, {@code Long} (or {@code BigInteger} beyond
 * long), {@code Double}, {@code Boolean} and {@code null}.
 *
 * <p>It exists because handlers may depend on the spi alone, which has no JSON library. Strict
 * means: exactly one value with only whitespace around it; no comments, trailing commas, single
 * quotes, leading zeros, {@code NaN}/{@code Infinity}, unescaped control characters or unknown
 * escapes. A <code>&#92;u</code> escape of a lone surrogate is kept as that char (Java strings
 * allow it). A duplicate key keeps the last value, as most parsers do. Nesting deeper than {@value
 * #MAX_DEPTH} levels is refused, so hostile input cannot exhaust the stack.
 */
public final class JsonParser {
  /** Deepest nesting accepted. */
  public static final int MAX_DEPTH = 64;

  private final String text;
  private int pos;
  private int depth;

  private JsonParser(String text) {
    this.text = text;
  }

  /**
   * Parses one JSON value.
   *
   * @throws JsonSyntaxException when {@code text} is not exactly one JSON value
   */
  public static Object parse(String text) throws JsonSyntaxException {
    if (text == null) {
      throw new JsonSyntaxException("a JSON value", 0);
    }
    JsonParser p = new JsonParser(text);
    p.skipWhitespace();
    Object value = p.value();
    p.skipWhitespace();
    if (p.pos != text.length()) {
      throw new JsonSyntaxException("the end of the text", p.pos);
    }
    return value;
  }

  private Object value() throws JsonSyntaxException {
    if (pos >= text.length()) {
      throw fail("a value");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw fail("a value");
    }
  }

  private Map<String, Object> object() throws JsonSyntaxException {
    enter();
    pos++; // '{'
    Map<String, Object> map = new LinkedHashMap<>();
    skipWhitespace();
    if (peek('}')) {
      pos++;
      depth--;
      return map;
    }
    while (true) {
      skipWhitespace();
      if (!peek('"')) {
        throw fail("a string key");
      }
      String key = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      map.put(key, value());
      skipWhitespace();
      if (peek(',')) {
        pos++;
      } else if (peek('}')) {
        pos++;
        depth--;
        return map;
      } else {
        throw fail("',' or '}'");
      }
    }
  }

  private List<Object> array() throws JsonSyntaxException {
    enter();
    pos++; // '['
    List<Object> list = new ArrayList<>();
    skipWhitespace();
    if (peek(']')) {
      pos++;
      depth--;
      return list;
    }
    while (true) {
      skipWhitespace();
      list.add(value());
      skipWhitespace();
      if (peek(',')) {
        pos++;
      } else if (peek(']')) {
        pos++;
        depth--;
        return list;
      } else {
        throw fail("',' or ']'");
      }
    }
  }

  private String string() throws JsonSyntaxException {
    pos++; // opening quote
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw fail("a closing '\"'");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return out.toString();
      }
      if (c < 0x20) {
        throw fail("an escaped control character");
      }
      if (c == '\\') {
        pos++;
        out.append(escape());
      } else {
        out.append(c);
        pos++;
      }
    }
  }

  private char escape() throws JsonSyntaxException {
    if (pos >= text.length()) {
      throw fail("an escape character");
    }
    char c = text.charAt(pos++);
    switch (c) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        return unicodeEscape();
      default:
        pos--;
        throw fail("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
    }
  }

  private char unicodeEscape() throws JsonSyntaxException {
    if (pos + 4 > text.length()) {
      throw fail("four hex digits");
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(text.charAt(pos), 16);
      if (d < 0) {
        throw fail("a hex digit");
      }
      v = v * 16 + d;
      pos++;
    }
    return (char) v;
  }

  private Object number() throws JsonSyntaxException {
    int start = pos;
    if (peek('-')) {
      pos++;
    }
    if (peek('0')) {
      pos++;
    } else if (pos < text.length() && text.charAt(pos) >= '1' && text.charAt(pos) <= '9') {
      digits();
    } else {
      throw fail("a digit");
    }
    boolean integral = true;
    if (peek('.')) {
      integral = false;
      pos++;
      requireDigit();
      digits();
    }
    if (peek('e') || peek('E')) {
      integral = false;
      pos++;
      if (peek('+') || peek('-')) {
        pos++;
      }
      requireDigit();
      digits();
    }
    String literal = text.substring(start, pos);
    if (integral) {
      BigInteger big = new BigInteger(literal);
      return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }
    double d = Double.parseDouble(literal);
    if (Double.isInfinite(d)) {
      pos = start;
      throw fail("a number within the range of a double");
    }
    return d;
  }

  private void requireDigit() throws JsonSyntaxException {
    if (pos >= text.length() || text.charAt(pos) < '0' || text.charAt(pos) > '9') {
      throw fail("a digit");
    }
  }

  private void digits() {
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
  }

  private Object literal(String word, Object value) throws JsonSyntaxException {
    if (!text.startsWith(word, pos)) {
      throw fail("'" + word + "'");
    }
    pos += word.length();
    return value;
  }

  private void enter() throws JsonSyntaxException {
    if (++depth > MAX_DEPTH) {
      throw fail("at most " + MAX_DEPTH + " levels of nesting");
    }
  }

  private void expect(char c) throws JsonSyntaxException {
    if (!peek(c)) {
      throw fail("'" + c + "'");
    }
    pos++;
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private JsonSyntaxException fail(String expected) {
    return new JsonSyntaxException(expected, pos);
  }
}
