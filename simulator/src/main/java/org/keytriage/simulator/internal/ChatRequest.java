package org.keytriage.simulator.internal;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A validated OpenAI-style chat completion request, reduced to what the simulator needs.
 *
 * @param model the requested model id (any non-blank id is served)
 * @param stream whether to answer as server-sent events
 * @param includeUsage {@code stream_options.include_usage}: send a usage chunk before [DONE]
 * @param wantsJson whether the answer must be a JSON object: the last user message contains the
 *     word "JSON" (any case), or {@code response_format.type} is {@code json_object}/{@code
 *     json_schema}
 * @param promptTokens see {@link TokenCounter}
 * @param completionTokens see {@link TokenCounter}
 * @param promptHash a hash of the messages' text, which picks the answer's words
 * @param task the task type named by a {@code Task: <id>} line in a system message (as KeyTriage's
 *     task handlers write it), which shapes a JSON answer; empty when there is none
 * @param lastUserText the text of the last user message, from which a task-shaped answer may take
 *     names (e.g. genes); never logged
 */
public record ChatRequest(
    String model,
    boolean stream,
    boolean includeUsage,
    boolean wantsJson,
    long promptTokens,
    long completionTokens,
    long promptHash,
    String task,
    String lastUserText) {

  private static final Pattern JSON_WORD = Pattern.compile("\\bjson\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern TASK_LINE =
      Pattern.compile("^Task: *([a-z0-9_]+) *$", Pattern.MULTILINE);

  /**
   * @throws BadRequest with a message naming the field at fault
   */
  public static ChatRequest parse(byte[] body) {
    try {
      return parse(Json.parseObject(body));
    } catch (IllegalArgumentException e) {
      throw new BadRequest(e.getMessage());
    }
  }

  private static ChatRequest parse(JsonObject root) {
    String model = JsonFields.string(root, "model", null, "");
    if (model == null || model.isBlank()) {
      throw new BadRequest("'model' is required");
    }
    List<JsonObject> messages = messages(root);
    boolean stream = JsonFields.bool(root, "stream", false, "");
    JsonObject streamOptions = JsonFields.object(root, "stream_options", "");
    boolean includeUsage =
        streamOptions != null
            && JsonFields.bool(streamOptions, "include_usage", false, "stream_options");
    Long maxTokens = maxTokens(root);

    long promptTokens = TokenCounter.promptTokens(messages);
    long completionTokens = TokenCounter.completionTokens(promptTokens, maxTokens);
    String userText = lastUserText(messages);
    boolean wantsJson = JSON_WORD.matcher(userText).find() || asksJsonFormat(root);
    return new ChatRequest(
        model,
        stream,
        includeUsage,
        wantsJson,
        promptTokens,
        completionTokens,
        DeterministicDice.fnv1a(allText(messages)),
        task(messages),
        userText);
  }

  /** The id on the first {@code Task: <id>} line of the first system message that has one. */
  private static String task(List<JsonObject> messages) {
    for (JsonObject message : messages) {
      if ("system".equals(message.getString("role"))) {
        var line = TASK_LINE.matcher(text(message));
        if (line.find()) {
          return line.group(1);
        }
      }
    }
    return "";
  }

  /** Prompt text stays out of any log line. */
  @Override
  public String toString() {
    return "ChatRequest[model=" + model + ", stream=" + stream + ", wantsJson=" + wantsJson
        + ", task=" + task + ", promptTokens=" + promptTokens + ", completionTokens="
        + completionTokens + "]";
  }

  private static List<JsonObject> messages(JsonObject root) {
    JsonValue value = root.get("messages");
    if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new BadRequest("'messages' is required and must be an array");
    }
    List<JsonObject> messages = new ArrayList<>();
    int i = 0;
    for (JsonValue item : value.asJsonArray()) {
      String where = "messages[" + i++ + "]";
      if (item.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new BadRequest(where + " must be an object");
      }
      JsonObject message = item.asJsonObject();
      String role = JsonFields.string(message, "role", null, where);
      if (role == null || role.isBlank()) {
        throw new BadRequest(where + ".role is required");
      }
      JsonValue content = message.get("content");
      if (content != null
          && content.getValueType() != JsonValue.ValueType.STRING
          && content.getValueType() != JsonValue.ValueType.ARRAY
          && content.getValueType() != JsonValue.ValueType.NULL) {
        throw new BadRequest(where + ".content must be a string or an array of parts");
      }
      messages.add(message);
    }
    if (messages.isEmpty()) {
      throw new BadRequest("'messages' must not be empty");
    }
    return messages;
  }

  private static Long maxTokens(JsonObject root) {
    String name =
        JsonFields.has(root, "max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
    if (!JsonFields.has(root, name)) {
      return null;
    }
    long value = JsonFields.wholeNumber(root, name, 0, "");
    if (value < 1) {
      throw new BadRequest("'" + name + "' must be at least 1 (was " + value + ")");
    }
    return value;
  }

  private static boolean asksJsonFormat(JsonObject root) {
    JsonObject format = JsonFields.object(root, "response_format", "");
    if (format == null) {
      return false;
    }
    String type = JsonFields.string(format, "type", "", "response_format");
    return "json_object".equals(type) || "json_schema".equals(type);
  }

  private static String lastUserText(List<JsonObject> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if ("user".equals(messages.get(i).getString("role"))) {
        return text(messages.get(i));
      }
    }
    return "";
  }

  private static String allText(List<JsonObject> messages) {
    StringBuilder all = new StringBuilder();
    for (JsonObject message : messages) {
      all.append(message.getString("role")).append('\n').append(text(message)).append('\n');
    }
    return all.toString();
  }

  /** The text of a message's content: the string, or its text parts joined by newlines. */
  private static String text(JsonObject message) {
    JsonValue content = message.get("content");
    if (content == null) {
      return "";
    }
    if (content instanceof JsonString s) {
      return s.getString();
    }
    if (content.getValueType() != JsonValue.ValueType.ARRAY) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    for (JsonValue part : content.asJsonArray()) {
      if (part instanceof JsonString s) {
        text.append(s.getString()).append('\n');
      } else if (part.getValueType() == JsonValue.ValueType.OBJECT
          && part.asJsonObject().get("text") instanceof JsonString s) {
        text.append(s.getString()).append('\n');
      }
    }
    return text.toString();
  }
}
