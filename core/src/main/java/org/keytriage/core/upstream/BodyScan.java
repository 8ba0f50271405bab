package org.keytriage.core.upstream;

import jakarta.json.JsonException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.math.BigDecimal;
import java.util.NoSuchElementException;
import org.keytriage.core.json.JsonTrees;

/**
 * Reads a request body's {@link BodyFacts} in one pass of JSON-P's streaming parser: the routing
 * fields are looked at, everything else is only tokenised (which checks its syntax) and skipped.
 * No tree is built and no value is kept but the model id. The token estimate follows the rule
 * {@link BodyFacts#promptTokens()} states: four characters per token, rounded up per message, so
 * it errs on the safe side of the real count, which replaces it after the call.
 */
final class BodyScan {
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private final JsonParser parser;
  private String model;
  private int messages = -1;
  private Boolean stream;
  private boolean streamNotBoolean;
  private long promptTokens;
  private long promptChars;
  private long maxTokens;
  private long maxCompletionTokens;
  private boolean hasStreamOptions;
  private boolean includeUsage;
  private boolean topLevelNull;

  private BodyScan(JsonParser parser) {
    this.parser = parser;
  }

  static BodyFacts scan(byte[] json) {
    if (isBlank(json)) {
      throw new IllegalArgumentException("The request body is empty; send a JSON object.");
    }
    JsonParser parser = JsonTrees.parser(json, 0, json.length);
    try {
      Event first = parser.next();
      if (first != Event.START_OBJECT) {
        throw new IllegalArgumentException("The request body must be a JSON object, not " + kind(first) + ".");
      }
      BodyScan scan = new BodyScan(parser);
      scan.topLevel();
      if (parser.hasNext()) {
        throw notJson("more than one value", parser.getLocation());
      }
      return scan.facts(openingBrace(json));
    } catch (JsonParsingException e) {
      throw notJson("a syntax error", e.getLocation() != null ? e.getLocation() : parser.getLocation());
    } catch (JsonException | ArithmeticException | NumberFormatException | NoSuchElementException e) {
      // a number the implementation will not read, or text that ends inside a value
      throw notJson("an unreadable value", parser.getLocation());
    } finally {
      parser.close();
    }
  }

  private BodyFacts facts(int brace) {
    long max = maxTokens > 0 ? maxTokens : maxCompletionTokens;
    return new BodyFacts(model, messages, stream, streamNotBoolean, promptTokens + BodyFacts.tokensForChars(promptChars),
        max, hasStreamOptions, includeUsage, topLevelNull, brace);
  }

  private void topLevel() {
    while (true) {
      Event e = parser.next();
      if (e == Event.END_OBJECT) {
        return;
      }
      String field = parser.getString();
      Event value = parser.next();
      if (value == Event.VALUE_NULL) {
        topLevelNull = true;
        continue;
      }
      switch (field) {
        case "model" -> {
          if (value == Event.VALUE_STRING) {
            model = parser.getString();
          } else {
            skip(value);
          }
        }
        case "messages" -> messages(value);
        case "stream" -> {
          if (value == Event.VALUE_TRUE || value == Event.VALUE_FALSE) {
            stream = value == Event.VALUE_TRUE;
          } else {
            streamNotBoolean = true;
            skip(value);
          }
        }
        case "stream_options" -> streamOptions(value);
        case "max_tokens" -> maxTokens = positive(value);
        case "max_completion_tokens" -> maxCompletionTokens = positive(value);
        case "prompt", "input" -> promptChars += textChars(value);
        default -> skip(value);
      }
    }
  }

  private void messages(Event value) {
    if (value != Event.START_ARRAY) {
      messages = -1;
      skip(value);
      return;
    }
    messages = 0;
    for (Event e = parser.next(); e != Event.END_ARRAY; e = parser.next()) {
      messages++;
      long chars = 0;
      if (e == Event.START_OBJECT) {
        for (Event k = parser.next(); k != Event.END_OBJECT; k = parser.next()) {
          boolean content = "content".equals(parser.getString());
          Event v = parser.next();
          if (content) {
            chars += textChars(v);
          } else {
            skip(v);
          }
        }
      } else {
        skip(e);
      }
      promptTokens += BodyFacts.tokensForChars(chars) + BodyFacts.TOKENS_PER_MESSAGE;
    }
  }

  /** Characters of text in a content value: a string, or a list of strings and parts with {@code text}. */
  private long textChars(Event value) {
    if (value == Event.VALUE_STRING) {
      return parser.getString().length();
    }
    if (value != Event.START_ARRAY) {
      skip(value);
      return 0;
    }
    long n = 0;
    for (Event e = parser.next(); e != Event.END_ARRAY; e = parser.next()) {
      if (e == Event.VALUE_STRING) {
        n += parser.getString().length();
      } else if (e == Event.START_OBJECT) {
        for (Event k = parser.next(); k != Event.END_OBJECT; k = parser.next()) {
          boolean text = "text".equals(parser.getString());
          Event v = parser.next();
          if (text && v == Event.VALUE_STRING) {
            n += parser.getString().length();
          } else {
            skip(v);
          }
        }
      } else {
        skip(e);
      }
    }
    return n;
  }

  private void streamOptions(Event value) {
    if (value != Event.START_OBJECT) {
      skip(value);
      return;
    }
    hasStreamOptions = true;
    for (Event k = parser.next(); k != Event.END_OBJECT; k = parser.next()) {
      boolean usage = "include_usage".equals(parser.getString());
      Event v = parser.next();
      if (usage) {
        includeUsage = v == Event.VALUE_TRUE;
      }
      skip(v);
    }
  }

  /** A positive number, floored and capped at {@code Long.MAX_VALUE}; 0 for anything else. */
  private long positive(Event value) {
    if (value != Event.VALUE_NUMBER) {
      skip(value);
      return 0;
    }
    BigDecimal n = parser.getBigDecimal();
    if (n.signum() <= 0) {
      return 0;
    }
    return n.compareTo(LONG_MAX) >= 0 ? Long.MAX_VALUE : n.longValue();
  }

  private void skip(Event value) {
    JsonTrees.skip(parser, value);
  }

  private static boolean isBlank(byte[] json) {
    for (byte b : json) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static int openingBrace(byte[] json) {
    for (int i = 0; i < json.length; i++) {
      if (json[i] == '{') {
        return i;
      }
    }
    throw new IllegalStateException("a JSON object without '{'");
  }

  private static String kind(Event e) {
    return switch (e) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      default -> "null";
    };
  }

  /** The position only: the parser's own message may quote the body, which may be patient data. */
  private static IllegalArgumentException notJson(String what, JsonLocation at) {
    String where = at == null ? "" : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
    return new IllegalArgumentException("The request body is not valid JSON: " + what + where + ".");
  }
}
