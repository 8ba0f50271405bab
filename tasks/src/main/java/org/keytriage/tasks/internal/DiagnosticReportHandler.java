package org.keytriage.tasks.internal;

import static org.keytriage.tasks.BuiltInTaskHandlers.MAX_TEXT_CHARS;

import java.util.Map;
import java.util.Optional;
import org.keytriage.spi.ClinicalPriority;
import org.keytriage.spi.JsonCodec;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskInput;
import org.keytriage.spi.TaskResult;
import org.keytriage.spi.TaskTypes;
import org.keytriage.tasks.results.DiagnosticReport;

/**
 * {@code diagnostic_report_generation}: a four-section report from patient data and diagnostic
 * results. Reports go into the patient's record, so the router is told the work is HIGH priority.
 */
final class DiagnosticReportHandler extends ChatTaskHandler {
  static final String PATIENT_DATA = "patient_data";
  static final String DIAGNOSTIC_RESULTS = "diagnostic_results";

  private static final String SYSTEM_PROMPT =
      SystemPrompt.of(
          TaskTypes.DIAGNOSTIC_REPORT_GENERATION,
          "You are a clinical documentation assistant. You write a structured diagnostic report "
              + "from a patient's data and diagnostic results, following clinical reporting "
              + "conventions, for review and signature by a clinician.",
          "{\"summary\": string, \"findings\": [string], \"impression\": string, "
              + "\"recommendations\": [string]}",
          "summary: the clinical picture in at most three sentences. findings: one objective "
              + "finding per item, with values and units as given. impression: the diagnostic "
              + "conclusion, most likely diagnosis first. recommendations: one next step per item.");

  DiagnosticReportHandler(ChatSettings settings, JsonCodec json) {
    super(TaskTypes.DIAGNOSTIC_REPORT_GENERATION, settings, json);
  }

  @Override
  String systemPrompt() {
    return SYSTEM_PROMPT;
  }

  @Override
  RoutingHints.Builder hints() {
    return RoutingHints.builder().clinicalPriority(ClinicalPriority.HIGH);
  }

  @Override
  Object userContent(FieldCheck check) {
    String patient =
        check.jsonObject(PATIENT_DATA, MAX_TEXT_CHARS, "the patient's data as an object").orElse("");
    String results =
        check.jsonOrText(DIAGNOSTIC_RESULTS, true, MAX_TEXT_CHARS,
                "the diagnostic results as an object, an array or text")
            .orElse("");
    return "Patient data:\n" + patient + "\n\nDiagnostic results:\n" + results + "\n\n"
        + ANSWER_AS_JSON;
  }

  @Override
  Optional<TaskResult> structuredResult(TaskInput input, Map<String, Object> answer) {
    DiagnosticReport report = DiagnosticReport.fromFields(answer, true);
    return report.isEmpty() ? Optional.empty() : Optional.of(report.toTaskResult());
  }

  @Override
  TaskResult unstructuredResult(TaskInput input, String answer) {
    return DiagnosticReport.unstructured(answer).toTaskResult();
  }
}
