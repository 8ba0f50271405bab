package org.keytriage.tasks.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keytriage.spi.FieldError;
import org.keytriage.spi.JsonCodec;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskHandler;
import org.keytriage.spi.TaskInput;
import org.keytriage.spi.TaskResult;
import org.keytriage.spi.UpstreamRequest;
import org.keytriage.spi.UpstreamResponse;

/**
 * What the built-in handlers share: one chat completion ({@value #CHAT_PATH}) with a task-specific
 * system prompt and one user message built from the input, and a JSON answer read into the task's
 * result with a fallback to the raw text.
 *
 * <p>A subclass reads its input once, in {@link #userContent(FieldCheck)}, which serves both
 * validation (the errors it records) and request building (the content it returns), so the two can
 * never disagree about what a valid input is.
 *
 * <p>JSON is read and written with the codec the factory got from its config (input trees put into
 * the prompt, the model's JSON answer), so a handler sees the gateway's one tree model.
 *
 * <p>Token estimate for the router: ceil(characters of the system prompt and the user text / 4) +
 * {@code max_tokens} + {@link #extraPromptTokens(Object)} (images). The gateway settles the real
 * count after the call.
 */
abstract class ChatTaskHandler implements TaskHandler {
  static final String CHAT_PATH = "/v1/chat/completions";

  /** Ends every user message; names JSON so that the ask is in the last user turn too. */
  static final String ANSWER_AS_JSON =
      "Answer with the JSON object described in your instructions, and nothing else.";

  private final String taskType;
  private final ChatSettings settings;
  private final JsonCodec json;

  ChatTaskHandler(String taskType, ChatSettings settings, JsonCodec json) {
    this.taskType = taskType;
    this.settings = settings;
    this.json = json;
  }

  @Override
  public final String taskType() {
    return taskType;
  }

  ChatSettings settings() {
    return settings;
  }

  /** The system prompt; its first line is {@code Task: <task type>}. */
  abstract String systemPrompt();

  /**
   * Reads the input's fields through {@code check} and returns the user message's content: a
   * string, or a list of OpenAI content parts. The return value is not used when {@code check}
   * recorded an error, so it may be anything then.
   */
  abstract Object userContent(FieldCheck check);

  /** The task's hints without the token estimate. Default: {@link RoutingHints#DEFAULT}'s. */
  RoutingHints.Builder hints() {
    return RoutingHints.builder();
  }

  /** Whether the upstream answer is a stream. Default false. */
  boolean streaming() {
    return false;
  }

  /** Tokens the prompt costs beyond its text, e.g. for images. Default 0. */
  long extraPromptTokens(Object userContent) {
    return 0;
  }

  /**
   * The typed result from the model's JSON object; empty when it has nothing of the asked shape.
   * May throw on shapes nobody foresaw: the caller then falls back to the raw text.
   */
  abstract Optional<TaskResult> structuredResult(TaskInput input, Map<String, Object> answer);

  /** The fallback result carrying the model's raw answer. Must not throw, even for bad input. */
  abstract TaskResult unstructuredResult(TaskInput input, String answer);

  @Override
  public final List<FieldError> validate(TaskInput input) {
    List<FieldError> errors = new ArrayList<>();
    userContent(check(input, errors));
    return List.copyOf(errors);
  }

  /** A check of the input's fields (none for a null input), recording into {@code errors}. */
  final FieldCheck check(TaskInput input, List<FieldError> errors) {
    return new FieldCheck(input == null ? Map.of() : input.asMap(), "", errors, json);
  }

  @Override
  public final UpstreamRequest buildRequest(TaskInput input) {
    Object content = validContent(input);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", settings.model());
    body.put("messages", List.of(message("system", systemPrompt()), message("user", content)));
    body.put("temperature", settings.temperature());
    body.put("max_tokens", settings.maxTokens());
    if (streaming()) {
      body.put("stream", true);
    }
    return new UpstreamRequest(CHAT_PATH, settings.model(), body, streaming());
  }

  @Override
  public final RoutingHints routingHints(TaskInput input) {
    Object content = validContent(input);
    long chars = systemPrompt().length() + textLength(content);
    long tokens = (chars + 3) / 4 + settings.maxTokens() + extraPromptTokens(content);
    return hints().streaming(streaming()).estimatedTokens(tokens).build();
  }

  @Override
  public final TaskResult parseResponse(TaskInput input, UpstreamResponse response) {
    String answer = response == null ? "" : AssistantText.of(response.body()).orElse("");
    try {
      Optional<Map<String, Object>> object = ModelJson.object(json, answer);
      if (object.isPresent()) {
        Optional<TaskResult> result = structuredResult(input, object.get());
        if (result.isPresent()) {
          return result.get();
        }
      }
    } catch (RuntimeException e) {
      // the answer is untrusted model output: a shape nobody foresaw degrades to the raw text
      // instead of failing a request that was already paid for
    }
    return unstructuredResult(input, answer);
  }

  private Object validContent(TaskInput input) {
    List<FieldError> errors = new ArrayList<>();
    Object content = userContent(check(input, errors));
    if (!errors.isEmpty()) {
      Set<String> fields = new LinkedHashSet<>();
      errors.forEach(e -> fields.add(e.field()));
      throw new IllegalArgumentException("the " + taskType + " input is invalid at "
          + String.join(", ", fields) + "; call validate() first");
    }
    return content;
  }

  private static Map<String, Object> message(String role, Object content) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("role", role);
    m.put("content", content);
    return m;
  }

  /** Characters of text in a message content: the string, or the text parts of a part list. */
  static long textLength(Object content) {
    if (content instanceof String s) {
      return s.length();
    }
    long n = 0;
    if (content instanceof List<?> parts) {
      for (Object part : parts) {
        if (part instanceof Map<?, ?> p && p.get("text") instanceof String t) {
          n += t.length();
        }
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[taskType=" + taskType + ", model=" + settings.model()
        + "]";
  }
}
