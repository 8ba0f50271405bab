package org.keytriage.core.json.internal;

import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import org.keytriage.spi.JsonCodec;

/**
 * The {@link JsonCodec} over JSON-P: strict parsing into the spi's tree model ({@link TreeReader})
 * and strict writing ({@link TreeWriter#STRICT}). Defaults: nesting up to {@value #MAX_DEPTH}
 * levels either way. Stateless and thread-safe; one instance serves the whole process.
 */
public final class JsonPCodec implements JsonCodec {
  /**
   * Deepest nesting read or written: far beyond any real body, and low enough that code walking a
   * tree recursively (checks, writers) cannot run out of stack, whatever a client or model sends.
   */
  public static final int MAX_DEPTH = 512;

  /** The JSON-P provider the codec uses, looked up on first use and then kept. */
  public static JsonProvider provider() {
    return Lookup.PROVIDER;
  }

  @Override
  public Object parse(String json) {
    if (json == null) {
      throw new IllegalArgumentException("not JSON: there is no text");
    }
    JsonParser parser = provider().createParser(new StringReader(json));
    try {
      Object tree = TreeReader.read(parser);
      if (parser.hasNext()) {
        // JSON-P implementations that do not check for trailing text themselves
        throw notJson("more than one value", parser.getLocation());
      }
      return tree;
    } catch (JsonParsingException e) {
      JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.getLocation();
      throw notJson("a syntax error", at);
    } catch (JsonException | ArithmeticException | NumberFormatException
        | UnsupportedOperationException e) {
      // a number beyond what the implementation will turn into a BigDecimal
      throw notJson("a number it cannot read", parser.getLocation());
    } finally {
      parser.close();
    }
  }

  @Override
  public String write(Object tree) {
    return TreeWriter.STRICT.toJson(tree).toString();
  }

  /**
   * The position only, and no cause: the implementation's own message may quote the text (a
   * character, a token), which may be patient data.
   */
  static IllegalArgumentException notJson(String what, JsonLocation at) {
    String where = at == null
        ? ""
        : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
    return new IllegalArgumentException("not JSON: " + what + where);
  }

  @Override
  public String toString() {
    return "JsonPCodec";
  }

  /**
   * Holds the provider, so that it is looked up when JSON is first read or written rather than
   * when a config merely carries the codec (building the engine must not need JSON-P to be
   * loadable), and only once: {@code Json.create…} searches the class path on every call.
   */
  private static final class Lookup {
    static final JsonProvider PROVIDER = JsonProvider.provider();
  }
}
