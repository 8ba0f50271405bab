package org.keytriage.core.upstream.internal;

/**
 * Turns server-sent-event lines into event payloads, as the SSE spec says: {@code data:} lines
 * (one optional space after the colon dropped) accumulate, joined by newlines, until a blank line
 * dispatches them; comments ({@code :…}) and other fields ({@code event:}, {@code id:}, {@code
 * retry:}) are ignored. Not thread-safe: one per stream.
 */
final class SseEventParser {
  private final StringBuilder data = new StringBuilder();
  private boolean pending;

  /** Feeds one line (without its terminator); returns an event's data when this line ends one. */
  String accept(String line) {
    if (line.isEmpty()) {
      return flush();
    }
    if (line.startsWith(":")) {
      return null;
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    if (!field.equals("data")) {
      return null;
    }
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    if (pending) {
      data.append('\n');
    }
    data.append(value);
    pending = true;
    return null;
  }

  /** The event still being accumulated (a stream that ended without a last blank line), or null. */
  String flush() {
    if (!pending) {
      return null;
    }
    String event = data.toString();
    data.setLength(0);
    pending = false;
    return event;
  }
}
