package org.keytriage.core.config;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * An API key's secret. {@link #toString()} and {@link #masked()} show only a masked form ({@code
 * nvapi-…Ab3F}); the only way to the real value is {@link #reveal()}, called by the upstream client
 * when it sets the {@code Authorization} header, and nowhere else.
 */
public final class Secret {
  private static final String ELLIPSIS = "\u2026";
  /** Secrets shorter than this show no characters at all when masked. */
  private static final int MIN_LENGTH_TO_SHOW_TAIL = 12;

  private final String value;
  // its UTF-8 form, made once: relayed bytes are searched for it on every answer and stream chunk
  private final byte[] utf8;
  private volatile boolean destroyed;

  private Secret(String value) {
    this.value = value;
    this.utf8 = value.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * @throws IllegalArgumentException if the value is null or blank (the message never contains it)
   */
  public static Secret of(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("secret must not be blank");
    }
    return new Secret(value.trim());
  }

  /**
   * The real value. Call only to authenticate an upstream request.
   *
   * @throws IllegalStateException once the secret is {@linkplain #destroy() destroyed}
   */
  public String reveal() {
    if (destroyed) {
      throw new IllegalStateException("This API key secret was replaced by a rotation and destroyed after the "
          + "calls using it had drained; a call still holding it must take the key's current secret.");
    }
    return value;
  }

  /**
   * Makes this secret unusable: {@link #reveal()} throws from now on and its byte copy is zeroed.
   * Called once a rotated-out or retired secret's calls have drained. (The JVM's string of it goes
   * when nothing refers to it; Java cannot wipe a string.)
   */
  public void destroy() {
    destroyed = true;
    java.util.Arrays.fill(utf8, (byte) 0);
  }

  /** Whether {@link #destroy()} was called. */
  public boolean destroyed() {
    return destroyed;
  }

  /** E.g. {@code nvapi-…Ab3F}: the {@code nvapi-} prefix if present, then the last 4 characters. */
  public String masked() {
    if (value.length() < MIN_LENGTH_TO_SHOW_TAIL) {
      return ELLIPSIS;
    }
    String prefix = value.startsWith("nvapi-") ? "nvapi-" : "";
    return prefix + ELLIPSIS + value.substring(value.length() - 4);
  }

  /** Whether {@code text} contains this secret; for tests and log scrubbing. */
  public boolean appearsIn(CharSequence text) {
    return text != null && text.toString().contains(value);
  }

  /** Whether the {@code length} bytes at {@code offset} contain this secret's UTF-8 form. */
  public boolean appearsIn(byte[] bytes, int offset, int length) {
    int last = offset + length - utf8.length;
    outer:
    for (int i = offset; i <= last; i++) {
      for (int j = 0; j < utf8.length; j++) {
        if (bytes[i + j] != utf8[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Override
  public String toString() {
    return masked();
  }

  /** Constant-time comparison, so equality checks leak no timing. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other
        && MessageDigest.isEqual(
            utf8, other.utf8);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
