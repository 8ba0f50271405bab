package org.keytriage.tasks.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keytriage.spi.TaskResult;

/**
 * The result of {@code medical_text_analysis}: the symptoms and findings found in clinical text and
 * a summary. Result fields: {@code summary} (string), {@code symptoms} and {@code findings} (arrays
 * of strings); an unstructured result has {@code text} only.
 *
 * @param structured whether the model answered the JSON it was asked for
 * @param summary a short clinical summary; empty when unstructured
 * @param symptoms the patient's symptoms as stated in the text
 * @param findings clinically relevant findings
 * @param text the model's raw answer when unstructured; empty otherwise
 */
public record MedicalTextAnalysis(
    boolean structured, String summary, List<String> symptoms, List<String> findings, String text) {
  public static final String SUMMARY = "summary";
  public static final String SYMPTOMS = "symptoms";
  public static final String FINDINGS = "findings";
  public static final String TEXT = Fields.TEXT;

  public MedicalTextAnalysis {
    summary = Fields.orEmpty(summary);
    symptoms = Fields.copy(symptoms);
    findings = Fields.copy(findings);
    text = Fields.orEmpty(text);
  }

  public static MedicalTextAnalysis from(TaskResult result) {
    return fromFields(result.fields(), result.structured());
  }

  /** Reads the result fields (or a model's JSON answer, which has the same names) leniently. */
  public static MedicalTextAnalysis fromFields(Map<?, ?> fields, boolean structured) {
    return new MedicalTextAnalysis(
        structured,
        Fields.string(fields, SUMMARY),
        Fields.strings(fields, SYMPTOMS),
        Fields.strings(fields, FINDINGS),
        Fields.string(fields, TEXT));
  }

  /** The fallback when the model did not answer JSON: its text, nothing else. */
  public static MedicalTextAnalysis unstructured(String text) {
    return new MedicalTextAnalysis(false, "", List.of(), List.of(), text);
  }

  /** Whether no section was filled, i.e. the model's JSON had nothing of the asked shape. */
  public boolean isEmpty() {
    return summary.isBlank() && symptoms.isEmpty() && findings.isEmpty();
  }

  public TaskResult toTaskResult() {
    Map<String, Object> f = new LinkedHashMap<>();
    if (structured) {
      f.put(SUMMARY, summary);
      f.put(SYMPTOMS, symptoms);
      f.put(FINDINGS, findings);
    } else {
      f.put(TEXT, text);
    }
    return new TaskResult(Collections.unmodifiableMap(f), structured);
  }

  /** Counts only: the content may be patient data. */
  @Override
  public String toString() {
    return "MedicalTextAnalysis[structured=" + structured + ", symptoms=" + symptoms.size()
        + ", findings=" + findings.size() + "]";
  }
}
