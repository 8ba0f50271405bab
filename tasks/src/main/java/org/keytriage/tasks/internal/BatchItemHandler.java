package org.keytriage.tasks.internal;

import static org.keytriage.tasks.BuiltInTaskHandlers.MAX_NOTE_CHARS;
import static org.keytriage.tasks.BuiltInTaskHandlers.MAX_TEXT_CHARS;

import java.util.Map;
import java.util.Optional;
import org.keytriage.spi.ClinicalPriority;
import org.keytriage.spi.JsonCodec;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskInput;
import org.keytriage.spi.TaskResult;
import org.keytriage.spi.TaskTypes;
import org.keytriage.tasks.results.BatchSummary;

/**
 * {@code batch_processing}: one record of a bulk job (historical analysis, population studies) per
 * request. Nobody waits on a single item, so the router is told the work is cost-sensitive and LOW
 * priority: cheap keys first, and urgent clinical work goes before it.
 */
final class BatchItemHandler extends ChatTaskHandler {
  static final String TEXT = "text";
  static final String INSTRUCTION = "instruction";

  static final String DEFAULT_INSTRUCTION =
      "Summarise the record and list its clinically relevant key points.";

  private static final String SYSTEM_PROMPT =
      SystemPrompt.of(
          TaskTypes.BATCH_PROCESSING,
          "You process one record of a large batch of clinical records, following the instruction "
              + "given with it. Many records are processed the same way, so keep answers uniform "
              + "and concise.",
          "{\"summary\": string, \"key_points\": [string]}",
          "summary: at most two sentences. key_points: at most five, one per item.");

  BatchItemHandler(ChatSettings settings, JsonCodec json) {
    super(TaskTypes.BATCH_PROCESSING, settings, json);
  }

  @Override
  String systemPrompt() {
    return SYSTEM_PROMPT;
  }

  @Override
  RoutingHints.Builder hints() {
    return RoutingHints.builder().costSensitive(true).clinicalPriority(ClinicalPriority.LOW);
  }

  @Override
  Object userContent(FieldCheck check) {
    String text = check.requiredText(TEXT, MAX_TEXT_CHARS, "the record to process").orElse("");
    String instruction = check.optionalText(INSTRUCTION, MAX_NOTE_CHARS).orElse(DEFAULT_INSTRUCTION);
    return "Instruction: " + instruction + "\n\nRecord:\n\"\"\"\n" + text + "\n\"\"\"\n\n"
        + ANSWER_AS_JSON;
  }

  @Override
  Optional<TaskResult> structuredResult(TaskInput input, Map<String, Object> answer) {
    BatchSummary summary = BatchSummary.fromFields(answer, true);
    return summary.isEmpty() ? Optional.empty() : Optional.of(summary.toTaskResult());
  }

  @Override
  TaskResult unstructuredResult(TaskInput input, String answer) {
    return BatchSummary.unstructured(answer).toTaskResult();
  }
}
