package org.keytriage.core.upstream;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.keytriage.core.json.JsonTrees;
import org.keytriage.spi.UpstreamRequest;

/**
 * A request body as the gateway relays it: the caller's JSON bytes, and the few facts routing
 * needs ({@link BodyFacts}), read in one pass of a streaming parser without building a tree. A
 * proxy should not rebuild what it relays: the bytes go to NVIDIA as they came, and are rewritten
 * only in the rare cases where what is sent must differ from what came (see {@link
 * #forCompletion()} and {@link #forStreaming()}). Immutable and thread-safe; the bytes are never
 * handed out for writing.
 */
public final class RelayedBody {
  private static final byte[] INCLUDE_USAGE =
      "\"stream_options\":{\"include_usage\":true},".getBytes(StandardCharsets.US_ASCII);

  private final String path;
  private final byte[] json;
  private final BodyFacts facts;

  private RelayedBody(String path, byte[] json, BodyFacts facts) {
    this.path = path;
    this.json = json;
    this.facts = facts;
  }

  /**
   * Reads a request body as a client sent it. Only the routing fields are looked at; the rest is
   * checked for JSON syntax and kept as bytes.
   *
   * @param path the endpoint path below the key's base URL, e.g. {@code /v1/chat/completions}
   * @param json the body's UTF-8 bytes; not copied, so the caller must not change them afterwards
   * @throws IllegalArgumentException for a path without a leading {@code /}, or a body that is not
   *     one JSON object; the message names the position only, never the text (it may be patient
   *     data)
   */
  public static RelayedBody read(String path, byte[] json) {
    return new RelayedBody(checkPath(path), Objects.requireNonNull(json, "json"), BodyScan.scan(json));
  }

  /** A task handler's request, written once as the bytes to send. */
  public static RelayedBody of(UpstreamRequest request) {
    Objects.requireNonNull(request, "request");
    return read(request.path(), JsonTrees.write(request.body()).getBytes(StandardCharsets.UTF_8));
  }

  private static String checkPath(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/', was " + path);
    }
    return path;
  }

  public String path() {
    return path;
  }

  /** What the body says, as far as routing needs to know. */
  public BodyFacts facts() {
    return facts;
  }

  /** The model id, or null when the body names none (for metrics and events). */
  public String model() {
    return facts.model();
  }

  /** The body's size in bytes. */
  public int length() {
    return json.length;
  }

  /**
   * The body for a non-streaming call: the caller's bytes, unless the body asks to stream, carries
   * {@code stream_options}, or has a top-level {@code null} (which OpenAI's API reads as not
   * given); then a copy without {@code stream}, {@code stream_options} and the nulls.
   */
  public byte[] forCompletion() {
    if (facts.topLevelNull() || facts.hasStreamOptions() || Boolean.TRUE.equals(facts.stream())) {
      Map<String, Object> tree = rewritable();
      tree.remove("stream");
      tree.remove("stream_options");
      return write(tree);
    }
    return json;
  }

  /**
   * The body for a streaming call: {@code stream: true} and {@code stream_options.include_usage:
   * true}, so the final chunk carries the real usage to settle. When the caller sent {@code
   * stream: true} without stream options (the usual case), the option is spliced in after the
   * opening brace; the body is rewritten only when it must change otherwise.
   */
  public byte[] forStreaming() {
    if (!facts.topLevelNull() && Boolean.TRUE.equals(facts.stream())) {
      if (!facts.hasStreamOptions()) {
        int brace = facts.openingBrace();
        byte[] out = new byte[json.length + INCLUDE_USAGE.length];
        System.arraycopy(json, 0, out, 0, brace + 1);
        System.arraycopy(INCLUDE_USAGE, 0, out, brace + 1, INCLUDE_USAGE.length);
        System.arraycopy(json, brace + 1, out, brace + 1 + INCLUDE_USAGE.length, json.length - brace - 1);
        return out;
      }
      if (facts.includeUsage()) {
        return json;
      }
    }
    Map<String, Object> tree = rewritable();
    tree.put("stream", true);
    Map<String, Object> options = new LinkedHashMap<>();
    if (tree.get("stream_options") instanceof Map<?, ?> given) {
      given.forEach((k, v) -> options.put(String.valueOf(k), v));
    }
    options.put("include_usage", true);
    tree.put("stream_options", options);
    return write(tree);
  }

  /** Whether the caller asked for the usage chunk itself (then it is relayed to them). */
  public boolean callerWantsUsage() {
    return facts.includeUsage();
  }

  /** The body as a mutable tree without its top-level nulls: the rare rewrite. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> rewritable() {
    Map<String, Object> tree = new LinkedHashMap<>((Map<String, Object>) JsonTrees.parse(new String(json, StandardCharsets.UTF_8)));
    tree.values().removeIf(Objects::isNull);
    return tree;
  }

  private static byte[] write(Map<String, Object> tree) {
    return JsonTrees.write(tree).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    // the body holds the prompt, which may be patient data
    return "RelayedBody[path=" + path + ", model=" + facts.model() + ", bytes=" + json.length + "]";
  }
}
