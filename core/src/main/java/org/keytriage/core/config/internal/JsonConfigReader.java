package org.keytriage.core.config.internal;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keytriage.core.config.ConfigException;

/**
 * Reads the config file into a JSON object, turning every way that can fail into a {@link
 * ConfigException} that says where: malformed JSON carries the parser's line and column and a
 * plain-words reason ({@code unexpected '}'} instead of {@code Invalid token=CURLYCLOSE}).
 *
 * <p>A field written twice in one object is rejected, not last-wins: {@code "api_key"} twice in an
 * entry is a copy-paste slip that would otherwise route with the wrong key. The file is parsed
 * twice (a streaming syntax check, then the tree); it is small and read once at start-up.
 */
public final class JsonConfigReader {
  private static final Pattern LOCATION =
      Pattern.compile("\\s*at \\(line no=-?\\d+, column no=-?\\d+, offset=-?\\d+\\)");
  private static final Pattern INVALID_TOKEN =
      Pattern.compile("Invalid token=(\\w+)\\. Expected tokens are: \\[(.*)]");
  private static final Pattern UNEXPECTED_CHAR =
      Pattern.compile("Unexpected char (-?\\d+)(?:, expecting '(.)')?");
  private static final Pattern EXPECTED_EOF = Pattern.compile("Expected EOF token, but got (\\w+)");
  private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate key '(.*)' is not allowed");

  private JsonConfigReader() {}

  /**
   * @param display the file as shown in messages (the path as the user gave it)
   */
  public static JsonObject read(Path path, String display) {
    return parse(readText(path, display), display);
  }

  /** Parses config text; {@code display} names the file in messages. */
  public static JsonObject parse(String text, String display) {
    String content = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    if (content.isBlank()) {
      throw new ConfigException(
          display,
          null,
          null,
          display
              + ": the file is empty. Fix: write the key configuration there, starting with"
              + " {\"api_keys\": [ ... ]} (see the guide's JSON Configuration section).");
    }
    try {
      checkSyntax(content, display);
      try (JsonReader reader = Json.createReader(new StringReader(content))) {
        return reader.readObject();
      }
    } catch (JsonParsingException e) {
      throw malformed(display, e.getLocation(), reason(e.getMessage()), e);
    } catch (JsonException e) {
      throw new ConfigException(
          display,
          null,
          null,
          display + ": cannot be read as JSON (" + reason(e.getMessage()) + "). Fix: save it as"
              + " UTF-8 JSON text.",
          e);
    }
  }

  /**
   * A streaming pass before the tree is built, for what a JSON reader lets through: content after
   * the top-level object, a field written twice in one object (readers keep the last one, and
   * JSON-P's key-strategy option is honoured by readers only, and not by every provider), and a
   * top level that is not an object.
   */
  private static void checkSyntax(String content, String display) {
    try (JsonParser parser = Json.createParser(new StringReader(content))) {
      JsonParser.Event first = parser.next();
      if (first != JsonParser.Event.START_OBJECT) {
        throw new ConfigException(
            display,
            null,
            null,
            display
                + ": the top level must be a JSON object like {\"api_keys\": [ ... ]}, but is "
                + describe(first)
                + ". Fix: wrap the configuration in {\"api_keys\": [ ... ]}.");
      }
      Deque<Set<String>> objects = new ArrayDeque<>();
      objects.push(new HashSet<>());
      Deque<Boolean> inObject = new ArrayDeque<>(); // per open container: object or array
      inObject.push(true);
      while (!inObject.isEmpty()) {
        JsonParser.Event event = parser.next();
        switch (event) {
          case START_OBJECT:
            objects.push(new HashSet<>());
            inObject.push(true);
            break;
          case START_ARRAY:
            inObject.push(false);
            break;
          case END_OBJECT:
            objects.pop();
            inObject.pop();
            break;
          case END_ARRAY:
            inObject.pop();
            break;
          case KEY_NAME:
            if (!objects.peek().add(parser.getString())) {
              throw malformed(
                  display,
                  parser.getLocation(),
                  "field \"" + parser.getString() + "\" appears twice in the same object");
            }
            break;
          default:
            break;
        }
      }
      if (parser.hasNext()) {
        // Parsson throws from hasNext() itself; this covers providers that do not.
        throw malformed(
            display, parser.getLocation(), "unexpected content after the closing '}'");
      }
    }
  }

  private static String readText(Path path, String display) {
    try {
      byte[] bytes = Files.readAllBytes(path);
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          display,
          null,
          null,
          display
              + ": config file not found (looked at "
              + path.toAbsolutePath()
              + "). Fix: create it (see the guide's JSON Configuration section) or start KeyTriage"
              + " in the directory that contains config/api_keys_config.json.",
          e);
    } catch (CharacterCodingException e) {
      throw new ConfigException(
          display, null, null, display + ": is not valid UTF-8. Fix: save it as UTF-8 text.", e);
    } catch (IOException e) {
      throw new ConfigException(
          display,
          null,
          null,
          display
              + ": cannot be read ("
              + e.getClass().getSimpleName()
              + "). Fix: check that it is a readable file.",
          e);
    }
  }

  private static ConfigException malformed(String display, JsonLocation at, String reason) {
    return new ConfigException(display, null, null, malformedMessage(display, at, reason));
  }

  private static ConfigException malformed(
      String display, JsonLocation at, String reason, Throwable cause) {
    return new ConfigException(display, null, null, malformedMessage(display, at, reason), cause);
  }

  private static String malformedMessage(String display, JsonLocation at, String reason) {
    String where =
        at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
    return display + ": malformed JSON" + where + ": " + reason + ". Fix the JSON syntax there.";
  }

  /**
   * Parsson's reason in plain words, without its location suffix (the message has its own). Never
   * contains a string value from the file: Parsson reports token types and character codes.
   */
  static String reason(String parserMessage) {
    if (parserMessage == null) {
      return "syntax error";
    }
    String m = LOCATION.matcher(parserMessage).replaceAll("").strip();
    Matcher invalid = INVALID_TOKEN.matcher(m);
    if (invalid.matches()) {
      String found = token(invalid.group(1));
      StringBuilder expected = new StringBuilder();
      String[] tokens = invalid.group(2).split(",\\s*");
      for (int i = 0; i < tokens.length; i++) {
        if (i > 0) {
          expected.append(i == tokens.length - 1 ? " or " : ", ");
        }
        expected.append(token(tokens[i].strip()));
      }
      String hint =
          invalid.group(1).equals("CURLYCLOSE") || invalid.group(1).equals("SQUARECLOSE")
              ? " (JSON allows no comma before a closing bracket)"
              : "";
      return "unexpected " + found + ", expected " + expected + hint;
    }
    Matcher unexpected = UNEXPECTED_CHAR.matcher(m);
    if (unexpected.matches()) {
      String found = character(Integer.parseInt(unexpected.group(1)));
      return unexpected.group(2) == null
          ? "unexpected " + found
          : "unexpected " + found + ", expected '" + unexpected.group(2) + "'";
    }
    Matcher eof = EXPECTED_EOF.matcher(m);
    if (eof.matches()) {
      return "unexpected " + token(eof.group(1)) + " after the end of the top-level object";
    }
    Matcher duplicate = DUPLICATE_KEY.matcher(m);
    if (duplicate.matches()) {
      return "field \"" + duplicate.group(1) + "\" appears twice in the same object";
    }
    return m;
  }

  private static String token(String name) {
    switch (name) {
      case "CURLYOPEN":
        return "'{'";
      case "CURLYCLOSE":
        return "'}'";
      case "SQUAREOPEN":
        return "'['";
      case "SQUARECLOSE":
        return "']'";
      case "COMMA":
        return "','";
      case "COLON":
        return "':'";
      case "STRING":
        return "a string";
      case "NUMBER":
        return "a number";
      case "TRUE":
        return "true";
      case "FALSE":
        return "false";
      case "NULL":
        return "null";
      case "EOF":
        return "end of file";
      default:
        return name;
    }
  }

  private static String character(int code) {
    if (code < 0) {
      return "end of file (a string or bracket is not closed)";
    }
    if (code == '\n' || code == '\r') {
      return "line break (a string cannot span lines; close it with '\"')";
    }
    if (code == '\t') {
      return "tab inside a string (write it as \\t)";
    }
    if (code < 0x20 || Character.isISOControl(code)) {
      return String.format("control character U+%04X", code);
    }
    return "'" + new String(Character.toChars(code)) + "'";
  }

  private static String describe(JsonParser.Event event) {
    switch (event) {
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return event.toString();
    }
  }

  /** The JSON type of a value in words, for "must be X, but is Y" messages. */
  public static String describe(JsonValue value) {
    switch (value.getValueType()) {
      case OBJECT:
        return "an object";
      case ARRAY:
        return "an array";
      case STRING:
        return "a string";
      case NUMBER:
        return "a number";
      case TRUE:
      case FALSE:
        return "a boolean";
      default:
        return "null";
    }
  }
}
