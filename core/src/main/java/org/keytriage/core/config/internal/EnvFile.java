package org.keytriage.core.config.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.keytriage.core.config.ConfigException;

/**
 * The variables of a {@code .env.api_keys} file, read the way python-dotenv reads it, so a file
 * written for the original Python service works unchanged.
 *
 * <p>Accepted: {@code NAME=value} lines; blank lines; {@code #} comment lines; an optional {@code
 * export } prefix; spaces around {@code =}; a value in single quotes (literal, {@code \'} and
 * {@code \\} escapes) or double quotes ({@code \" \\ \n \r \t \'} escapes), optionally followed by
 * {@code # comment}; an unquoted value, whose trailing {@code # comment} starts at a {@code #}
 * preceded by whitespace ({@code a=b#c} is {@code b#c}). A name repeated later in the file wins.
 *
 * <p>Not supported, unlike python-dotenv: values spanning several lines and {@code ${VAR}}
 * interpolation inside the env file (its values are taken literally). A line that cannot be read is
 * skipped and reported by number only, never by content, since it probably holds a key.
 */
public final class EnvFile {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final char BOM = '\uFEFF';

  private final String name;
  private final boolean present;
  private final Map<String, String> values;
  private final List<Integer> skippedLines;

  private EnvFile(String name, boolean present, Map<String, String> values, List<Integer> skipped) {
    this.name = name;
    this.present = present;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.skippedLines = List.copyOf(skipped);
  }

  /** No env file configured. */
  public static EnvFile none() {
    return new EnvFile(null, false, Map.of(), List.of());
  }

  /**
   * Reads the file. A missing file is not an error (python-dotenv ignores it too; the keys may be
   * exported instead) but is remembered, so a missing-variable message can say so.
   *
   * @throws ConfigException if the file exists but cannot be read
   */
  public static EnvFile read(Path path) {
    String display = path.toString();
    try {
      byte[] bytes = Files.readAllBytes(path);
      String content =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
      return parse(display, content);
    } catch (NoSuchFileException e) {
      return new EnvFile(display, false, Map.of(), List.of());
    } catch (CharacterCodingException e) {
      throw new ConfigException(
          display,
          null,
          null,
          display + ": is not valid UTF-8. Fix: save it as UTF-8 text.",
          e);
    } catch (IOException e) {
      throw new ConfigException(
          display,
          null,
          null,
          display
              + ": cannot be read ("
              + e.getClass().getSimpleName()
              + "). Fix: check that it is a readable file, or remove it and export the variables.",
          e);
    }
  }

  /** Parses file content; {@code name} is the file as shown in messages. */
  public static EnvFile parse(String name, String content) {
    Map<String, String> values = new LinkedHashMap<>();
    List<Integer> skipped = new ArrayList<>();
    String text = !content.isEmpty() && content.charAt(0) == BOM ? content.substring(1) : content;
    int lineNumber = 0;
    for (String line : (Iterable<String>) text.lines()::iterator) {
      lineNumber++;
      try {
        parseLine(line, values);
      } catch (IllegalArgumentException unreadable) {
        skipped.add(lineNumber);
      }
    }
    return new EnvFile(name, true, values, skipped);
  }

  private static void parseLine(String line, Map<String, String> values) {
    String s = line.stripLeading();
    if (s.isEmpty() || s.startsWith("#")) {
      return;
    }
    if (s.startsWith("export") && s.length() > 6 && Character.isWhitespace(s.charAt(6))) {
      s = s.substring(6).stripLeading();
    }
    int eq = s.indexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException("no '='");
    }
    String key = s.substring(0, eq).strip();
    if (!NAME.matcher(key).matches()) {
      throw new IllegalArgumentException("bad name");
    }
    values.put(key, parseValue(s.substring(eq + 1).stripLeading()));
  }

  private static String parseValue(String rest) {
    if (rest.startsWith("'") || rest.startsWith("\"")) {
      char quote = rest.charAt(0);
      StringBuilder value = new StringBuilder();
      int i = 1;
      while (i < rest.length() && rest.charAt(i) != quote) {
        char c = rest.charAt(i);
        if (c == '\\' && i + 1 < rest.length()) {
          char next = rest.charAt(i + 1);
          String decoded = unescape(next, quote);
          if (decoded != null) {
            value.append(decoded);
            i += 2;
            continue;
          }
        }
        value.append(c);
        i++;
      }
      if (i >= rest.length()) {
        throw new IllegalArgumentException("unterminated quote");
      }
      String after = rest.substring(i + 1).strip();
      if (!after.isEmpty() && !after.startsWith("#")) {
        throw new IllegalArgumentException("text after closing quote");
      }
      return value.toString();
    }
    // python-dotenv: an unquoted value's comment starts at whitespace followed by '#'.
    for (int i = 1; i < rest.length(); i++) {
      if (rest.charAt(i) == '#' && Character.isWhitespace(rest.charAt(i - 1))) {
        return rest.substring(0, i).strip();
      }
    }
    return rest.strip();
  }

  /** The escapes python-dotenv decodes inside quotes; null keeps the backslash literally. */
  private static String unescape(char next, char quote) {
    if (next == '\\' || next == '\'') {
      return String.valueOf(next);
    }
    if (quote == '"') {
      switch (next) {
        case '"':
          return "\"";
        case 'n':
          return "\n";
        case 'r':
          return "\r";
        case 't':
          return "\t";
        default:
          return null;
      }
    }
    return null;
  }

  /** The file as shown in messages; null if no env file was configured. */
  public String name() {
    return name;
  }

  /** Whether a file was configured. */
  public boolean configured() {
    return name != null;
  }

  /** Whether the configured file exists (and was read). */
  public boolean present() {
    return present;
  }

  /** The variables, in file order; a name repeated later in the file has the later value. */
  public Map<String, String> values() {
    return values;
  }

  /** 1-based numbers of lines that were not blank, a comment or NAME=value, and were skipped. */
  public List<Integer> skippedLines() {
    return skippedLines;
  }
}
