package org.keytriage.tasks.internal;

/**
 * Text that is not JSON. The message gives the offset and what was expected, never the text around
 * it: the text is a model's answer and may hold patient data.
 */
public final class JsonSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int offset;

  JsonSyntaxException(String expected, int offset) {
    super("not JSON: expected " + expected + " at offset " + offset);
    this.offset = offset;
  }

  /** Where in the text the parser gave up, counted in chars from 0. */
  public int offset() {
    return offset;
  }
}
