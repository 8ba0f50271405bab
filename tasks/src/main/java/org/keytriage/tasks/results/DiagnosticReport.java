package org.keytriage.tasks.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keytriage.spi.TaskResult;

/**
 * The result of {@code diagnostic_report_generation}: a report in four sections. Result fields:
 * {@code summary} and {@code impression} (strings), {@code findings} and {@code recommendations}
 * (arrays of strings); an unstructured result has {@code text} only.
 *
 * @param structured whether the model answered the JSON it was asked for
 * @param summary the clinical summary section
 * @param findings the findings section, one finding per item
 * @param impression the diagnostic impression (conclusion) section
 * @param recommendations the recommendations section, one per item
 * @param text the model's raw answer when unstructured; empty otherwise
 */
public record DiagnosticReport(
    boolean structured,
    String summary,
    List<String> findings,
    String impression,
    List<String> recommendations,
    String text) {
  public static final String SUMMARY = "summary";
  public static final String FINDINGS = "findings";
  public static final String IMPRESSION = "impression";
  public static final String RECOMMENDATIONS = "recommendations";
  public static final String TEXT = Fields.TEXT;

  public DiagnosticReport {
    summary = Fields.orEmpty(summary);
    findings = Fields.copy(findings);
    impression = Fields.orEmpty(impression);
    recommendations = Fields.copy(recommendations);
    text = Fields.orEmpty(text);
  }

  public static DiagnosticReport from(TaskResult result) {
    return fromFields(result.fields(), result.structured());
  }

  /** Reads the result fields (or a model's JSON answer, which has the same names) leniently. */
  public static DiagnosticReport fromFields(Map<?, ?> fields, boolean structured) {
    return new DiagnosticReport(
        structured,
        Fields.string(fields, SUMMARY),
        Fields.strings(fields, FINDINGS),
        Fields.string(fields, IMPRESSION),
        Fields.strings(fields, RECOMMENDATIONS),
        Fields.string(fields, TEXT));
  }

  /** The fallback when the model did not answer JSON: its text, nothing else. */
  public static DiagnosticReport unstructured(String text) {
    return new DiagnosticReport(false, "", List.of(), "", List.of(), text);
  }

  /** Whether no section was filled, i.e. the model's JSON had nothing of the asked shape. */
  public boolean isEmpty() {
    return summary.isBlank() && findings.isEmpty() && impression.isBlank()
        && recommendations.isEmpty();
  }

  public TaskResult toTaskResult() {
    Map<String, Object> f = new LinkedHashMap<>();
    if (structured) {
      f.put(SUMMARY, summary);
      f.put(FINDINGS, findings);
      f.put(IMPRESSION, impression);
      f.put(RECOMMENDATIONS, recommendations);
    } else {
      f.put(TEXT, text);
    }
    return new TaskResult(Collections.unmodifiableMap(f), structured);
  }

  /** Counts only: the content may be patient data. */
  @Override
  public String toString() {
    return "DiagnosticReport[structured=" + structured + ", findings=" + findings.size()
        + ", recommendations=" + recommendations.size() + "]";
  }
}
