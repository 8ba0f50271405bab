package org.keytriage.tasks.internal;

import static org.keytriage.tasks.BuiltInTaskHandlers.MAX_NOTE_CHARS;
import static org.keytriage.tasks.BuiltInTaskHandlers.MAX_TEXT_CHARS;

import java.util.Map;
import java.util.Optional;
import org.keytriage.spi.JsonCodec;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskInput;
import org.keytriage.spi.TaskResult;
import org.keytriage.spi.TaskTypes;
import org.keytriage.tasks.results.StreamingInsight;

/**
 * {@code streaming_insights}: a short insight on live monitoring data, streamed as it is generated
 * ({@code stream: true}). Someone is watching the answer arrive, so the router is told the request
 * is latency-sensitive; the small default model keeps the first token fast.
 */
final class StreamingInsightsHandler extends ChatTaskHandler {
  static final String DATA = "data";
  static final String CONTEXT = "context";

  private static final String SYSTEM_PROMPT =
      SystemPrompt.of(
          TaskTypes.STREAMING_INSIGHTS,
          "You are a real-time patient monitoring assistant. You read the latest readings (vital "
              + "signs, device data, events) and give the care team a brief insight as they watch.",
          "{\"insight\": string, \"alerts\": [string]}",
          "insight: at most two sentences on the trend and what it means. alerts: only conditions "
              + "that need attention now (e.g. a value outside its safe range), one per item; "
              + "empty when there are none. Be brief: the answer is shown live.");

  StreamingInsightsHandler(ChatSettings settings, JsonCodec json) {
    super(TaskTypes.STREAMING_INSIGHTS, settings, json);
  }

  @Override
  String systemPrompt() {
    return SYSTEM_PROMPT;
  }

  @Override
  boolean streaming() {
    return true;
  }

  @Override
  RoutingHints.Builder hints() {
    return RoutingHints.builder().latencySensitive(true);
  }

  @Override
  Object userContent(FieldCheck check) {
    String data =
        check.jsonOrText(DATA, true, MAX_TEXT_CHARS, "the live readings as text, an object or an array")
            .orElse("");
    Optional<String> context = check.optionalText(CONTEXT, MAX_NOTE_CHARS);
    return context.map(c -> "Context: " + c + "\n\n").orElse("")
        + "Latest readings:\n" + data + "\n\n" + ANSWER_AS_JSON;
  }

  @Override
  Optional<TaskResult> structuredResult(TaskInput input, Map<String, Object> answer) {
    StreamingInsight insight = StreamingInsight.fromFields(answer, true);
    return insight.isEmpty() ? Optional.empty() : Optional.of(insight.toTaskResult());
  }

  @Override
  TaskResult unstructuredResult(TaskInput input, String answer) {
    return StreamingInsight.unstructured(answer).toTaskResult();
  }
}
