package org.keytriage.tasks.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keytriage.spi.TaskResult;

/**
 * The result of one {@code batch_processing} item: a summary of the record and its key points.
 * Result fields: {@code summary} (string), {@code key_points} (array of strings); an unstructured
 * result has {@code text} only.
 *
 * @param structured whether the model answered the JSON it was asked for
 * @param summary the record's summary
 * @param keyPoints the points worth keeping from the record
 * @param text the model's raw answer when unstructured; empty otherwise
 */
public record BatchSummary(boolean structured, String summary, List<String> keyPoints, String text) {
  public static final String SUMMARY = "summary";
  public static final String KEY_POINTS = "key_points";
  public static final String TEXT = Fields.TEXT;

  public BatchSummary {
    summary = Fields.orEmpty(summary);
    keyPoints = Fields.copy(keyPoints);
    text = Fields.orEmpty(text);
  }

  public static BatchSummary from(TaskResult result) {
    return fromFields(result.fields(), result.structured());
  }

  /** Reads the result fields (or a model's JSON answer, which has the same names) leniently. */
  public static BatchSummary fromFields(Map<?, ?> fields, boolean structured) {
    return new BatchSummary(
        structured,
        Fields.string(fields, SUMMARY),
        Fields.strings(fields, KEY_POINTS),
        Fields.string(fields, TEXT));
  }

  /** The fallback when the model did not answer JSON: its text, nothing else. */
  public static BatchSummary unstructured(String text) {
    return new BatchSummary(false, "", List.of(), text);
  }

  /** Whether nothing of the asked shape was filled. */
  public boolean isEmpty() {
    return summary.isBlank() && keyPoints.isEmpty();
  }

  public TaskResult toTaskResult() {
    Map<String, Object> f = new LinkedHashMap<>();
    if (structured) {
      f.put(SUMMARY, summary);
      f.put(KEY_POINTS, keyPoints);
    } else {
      f.put(TEXT, text);
    }
    return new TaskResult(Collections.unmodifiableMap(f), structured);
  }

  /** Counts only: the content may be patient data. */
  @Override
  public String toString() {
    return "BatchSummary[structured=" + structured + ", keyPoints=" + keyPoints.size() + "]";
  }
}
