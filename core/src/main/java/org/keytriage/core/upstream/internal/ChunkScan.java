package org.keytriage.core.upstream.internal;

import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.keytriage.core.json.JsonTrees;
import org.keytriage.core.upstream.TokenUsage;

/**
 * Reads one stream chunk's bytes in one pass of the streaming parser: an error event, the usage,
 * and each choice's text piece and finish reason for the {@link StreamAssembly}. The chunk itself
 * is relayed as the bytes it came as; nothing here builds a tree of it.
 */
final class ChunkScan {
  /** What a chunk is. */
  enum Kind {
    /** An ordinary chunk: relayed. */
    CHUNK,
    /** No choices, only usage: the chunk the gateway asked for with include_usage. */
    USAGE_ONLY,
    /** An upstream error event: the stream failed. */
    ERROR,
    /** Not a JSON object: relayed as it is, nothing read from it. */
    NOT_AN_OBJECT
  }

  private record Choice(int index, String piece, Object finish) {}

  private final JsonParser parser;
  private Object id;
  private Object model;
  private Object created;
  private Optional<TokenUsage> usage = Optional.empty();
  private boolean usageObject;
  private int choiceCount;
  private final List<Choice> choices = new ArrayList<>(1);
  private String error;

  private ChunkScan(JsonParser parser) {
    this.parser = parser;
  }

  /**
   * Scans the chunk and, unless it is an error event, adds what it says to {@code assembly}.
   *
   * @param errorMessage receives the upstream's error message for an {@link Kind#ERROR}
   */
  static Kind scan(byte[] data, int length, StreamAssembly assembly, StringBuilder errorMessage) {
    JsonParser parser = JsonTrees.parser(data, 0, length);
    ChunkScan scan = new ChunkScan(parser);
    try {
      if (!parser.hasNext() || parser.next() != Event.START_OBJECT) {
        return Kind.NOT_AN_OBJECT;
      }
      scan.topLevel();
      if (parser.hasNext()) {
        return Kind.NOT_AN_OBJECT;
      }
    } catch (JsonException | ArithmeticException | NumberFormatException | NoSuchElementException e) {
      return Kind.NOT_AN_OBJECT;
    } finally {
      parser.close();
    }
    if (scan.error != null) {
      errorMessage.append(scan.error);
      return Kind.ERROR;
    }
    assembly.header(scan.id, scan.model, scan.created);
    scan.usage.ifPresent(assembly::usage);
    for (Choice c : scan.choices) {
      assembly.choice(c.index(), c.piece(), c.finish());
    }
    return scan.choiceCount == 0 && scan.usageObject ? Kind.USAGE_ONLY : Kind.CHUNK;
  }

  private void topLevel() {
    for (Event e = parser.next(); e != Event.END_OBJECT; e = parser.next()) {
      String field = parser.getString();
      Event v = parser.next();
      switch (field) {
        case "id" -> id = scalar(v);
        case "model" -> model = scalar(v);
        case "created" -> created = scalar(v);
        case "error" -> error(v);
        case "usage" -> {
          if (v == Event.START_OBJECT) {
            usageObject = true;
            usage = AnswerScan.usage(parser);
          } else {
            JsonTrees.skip(parser, v);
          }
        }
        case "choices" -> choices(v);
        default -> JsonTrees.skip(parser, v);
      }
    }
  }

  private void error(Event v) {
    switch (v) {
      case VALUE_NULL -> { }
      case START_OBJECT -> {
        var object = parser.getObject();
        error = object.get("message") instanceof jakarta.json.JsonString s ? s.getString() : object.toString();
      }
      case START_ARRAY -> error = parser.getArray().toString();
      case VALUE_STRING -> error = parser.getString();
      default -> error = parser.getValue().toString();
    }
  }

  private void choices(Event v) {
    if (v != Event.START_ARRAY) {
      JsonTrees.skip(parser, v);
      return;
    }
    for (Event e = parser.next(); e != Event.END_ARRAY; e = parser.next()) {
      choiceCount++;
      if (e != Event.START_OBJECT) {
        JsonTrees.skip(parser, e);
        continue;
      }
      int index = 0;
      String delta = null;
      String text = null;
      Object finish = null;
      for (Event k = parser.next(); k != Event.END_OBJECT; k = parser.next()) {
        String field = parser.getString();
        Event value = parser.next();
        switch (field) {
          case "index" -> index = value == Event.VALUE_NUMBER ? parser.getBigDecimal().intValue() : skipped(value, 0);
          case "delta" -> delta = deltaContent(value);
          case "text" -> text = value == Event.VALUE_STRING ? parser.getString() : skipped(value, null);
          case "finish_reason" -> finish = scalar(value);
          default -> JsonTrees.skip(parser, value);
        }
      }
      choices.add(new Choice(index, delta != null ? delta : text, finish));
    }
  }

  private String deltaContent(Event v) {
    if (v != Event.START_OBJECT) {
      JsonTrees.skip(parser, v);
      return null;
    }
    String content = null;
    for (Event k = parser.next(); k != Event.END_OBJECT; k = parser.next()) {
      boolean isContent = "content".equals(parser.getString());
      Event value = parser.next();
      if (isContent && value == Event.VALUE_STRING) {
        content = parser.getString();
      } else {
        JsonTrees.skip(parser, value);
      }
    }
    return content;
  }

  /** A string or a number (as a {@code BigDecimal}, like a parsed tree's); null for anything else. */
  private Object scalar(Event v) {
    return switch (v) {
      case VALUE_STRING -> parser.getString();
      case VALUE_NUMBER -> parser.getBigDecimal();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> skipped(v, null);
    };
  }

  private <T> T skipped(Event v, T result) {
    JsonTrees.skip(parser, v);
    return result;
  }
}
