package org.keytriage.tasks.internal;

import static org.keytriage.tasks.BuiltInTaskHandlers.MAX_NOTE_CHARS;
import static org.keytriage.tasks.BuiltInTaskHandlers.MAX_TEXT_CHARS;

import java.util.Map;
import java.util.Optional;
import org.keytriage.spi.JsonCodec;
import org.keytriage.spi.TaskInput;
import org.keytriage.spi.TaskResult;
import org.keytriage.spi.TaskTypes;
import org.keytriage.tasks.results.MedicalTextAnalysis;

/** {@code medical_text_analysis}: symptoms, findings and a summary from clinical text. */
final class MedicalTextHandler extends ChatTaskHandler {
  static final String TEXT = "text";
  static final String CONTEXT = "context";

  private static final String SYSTEM_PROMPT =
      SystemPrompt.of(
          TaskTypes.MEDICAL_TEXT_ANALYSIS,
          "You are a clinical text analysis assistant for hospital clinicians. You read medical "
              + "reports, clinical notes and diagnostic text, extract the patient's symptoms and "
              + "the clinically relevant findings, and summarise them.",
          "{\"summary\": string, \"symptoms\": [string], \"findings\": [string]}",
          "Use standard medical terminology. One symptom or finding per list item. The summary "
              + "is at most three sentences.");

  MedicalTextHandler(ChatSettings settings, JsonCodec json) {
    super(TaskTypes.MEDICAL_TEXT_ANALYSIS, settings, json);
  }

  @Override
  String systemPrompt() {
    return SYSTEM_PROMPT;
  }

  @Override
  Object userContent(FieldCheck check) {
    String text = check.requiredText(TEXT, MAX_TEXT_CHARS, "the clinical text to analyse").orElse("");
    Optional<String> context = check.optionalText(CONTEXT, MAX_NOTE_CHARS);
    return context.map(c -> "Context: " + c + "\n\n").orElse("")
        + "Clinical text:\n\"\"\"\n" + text + "\n\"\"\"\n\n" + ANSWER_AS_JSON;
  }

  @Override
  Optional<TaskResult> structuredResult(TaskInput input, Map<String, Object> answer) {
    MedicalTextAnalysis result = MedicalTextAnalysis.fromFields(answer, true);
    return result.isEmpty() ? Optional.empty() : Optional.of(result.toTaskResult());
  }

  @Override
  TaskResult unstructuredResult(TaskInput input, String answer) {
    return MedicalTextAnalysis.unstructured(answer).toTaskResult();
  }
}
