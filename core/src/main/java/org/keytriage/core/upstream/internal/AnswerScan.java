package org.keytriage.core.upstream.internal;

import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.keytriage.core.json.JsonTrees;
import org.keytriage.core.upstream.TokenUsage;

/**
 * Reads a non-streaming answer's {@code usage} from its bytes in one pass of the streaming parser,
 * without building the answer's tree: the gateway relays the bytes and only needs the counts to
 * settle. The pass also tells whether the bytes are one JSON object at all.
 */
final class AnswerScan {
  private AnswerScan() {}

  /** What the scan found: whether the body is a JSON object, and its usage when it has one. */
  record Result(boolean object, Optional<TokenUsage> usage) {
    static final Result NOT_AN_OBJECT = new Result(false, Optional.empty());
  }

  static Result scan(byte[] json) {
    if (json == null || json.length == 0) {
      return Result.NOT_AN_OBJECT;
    }
    JsonParser parser = JsonTrees.parser(json, 0, json.length);
    try {
      if (!parser.hasNext() || parser.next() != Event.START_OBJECT) {
        return Result.NOT_AN_OBJECT;
      }
      Optional<TokenUsage> usage = Optional.empty();
      for (Event e = parser.next(); e != Event.END_OBJECT; e = parser.next()) {
        boolean isUsage = "usage".equals(parser.getString());
        Event v = parser.next();
        if (isUsage && v == Event.START_OBJECT) {
          usage = usage(parser);
        } else {
          JsonTrees.skip(parser, v);
        }
      }
      return parser.hasNext() ? Result.NOT_AN_OBJECT : new Result(true, usage);
    } catch (JsonException | ArithmeticException | NumberFormatException | NoSuchElementException e) {
      return Result.NOT_AN_OBJECT;
    } finally {
      parser.close();
    }
  }

  /** A {@code usage} object's counts, the parser just past its opening brace; as {@link UsageReader#usage}. */
  static Optional<TokenUsage> usage(JsonParser parser) {
    long prompt = -1;
    long completion = -1;
    long total = -1;
    for (Event e = parser.next(); e != Event.END_OBJECT; e = parser.next()) {
      String field = parser.getString();
      Event v = parser.next();
      if (v == Event.VALUE_NUMBER) {
        long n = parser.getBigDecimal().longValue();
        switch (field) {
          case "prompt_tokens" -> prompt = n;
          case "completion_tokens" -> completion = n;
          case "total_tokens" -> total = n;
          default -> { }
        }
      } else {
        JsonTrees.skip(parser, v);
      }
    }
    return UsageReader.of(prompt, completion, total);
  }

}
