package org.keytriage.tasks.internal;

import static org.keytriage.tasks.BuiltInTaskHandlers.MAX_DATA_URL_CHARS;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks one image of a multimodal input: an {@code https://} URL with a host, or a base64 {@code
 * data:image/(png|jpeg|webp|gif);base64,} URL. Plain {@code http} and other schemes are refused: a
 * patient's image must not travel unencrypted, and a {@code file:} URL would point into the
 * gateway's own disk.
 */
final class ImageReference {
  static final int MAX_URL_CHARS = 2_048;

  private static final Pattern DATA_PREFIX =
      Pattern.compile("data:image/(png|jpeg|jpg|webp|gif);base64,", Pattern.CASE_INSENSITIVE);

  private ImageReference() {}

  /** Why {@code value} is not an acceptable image reference; empty when it is. */
  static Optional<String> problem(Object value) {
    if (!(value instanceof String s)) {
      return Optional.of("must be a string: an https URL or a data:image/...;base64 URL");
    }
    String lower = s.length() > 16 ? s.substring(0, 16).toLowerCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("data:")) {
      return dataUrlProblem(s);
    }
    if (lower.startsWith("https://")) {
      return httpsProblem(s);
    }
    return Optional.of("must be an https URL or a data:image/png|jpeg|webp|gif;base64 URL");
  }

  private static Optional<String> dataUrlProblem(String s) {
    if (s.length() > MAX_DATA_URL_CHARS) {
      return Optional.of("is too large: a data URL may be at most " + MAX_DATA_URL_CHARS
          + " characters; send larger images by https URL");
    }
    var prefix = DATA_PREFIX.matcher(s);
    if (!prefix.lookingAt()) {
      return Optional.of("must be a data:image/png|jpeg|webp|gif;base64 URL");
    }
    int start = prefix.end();
    if (start == s.length()) {
      return Optional.of("has no image data after 'base64,'");
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean base64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '+' || c == '/' || c == '=';
      if (!base64) {
        return Optional.of("must hold base64 image data after 'base64,'");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> httpsProblem(String s) {
    if (s.length() > MAX_URL_CHARS) {
      return Optional.of("is too long: an image URL may be at most " + MAX_URL_CHARS + " characters");
    }
    try {
      URI uri = new URI(s);
      if (uri.getHost() == null || uri.getHost().isBlank()) {
        return Optional.of("must be an https URL with a host");
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.of("must be a well-formed https URL");
    }
  }
}
