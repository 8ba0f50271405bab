package org.keytriage.tasks.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keytriage.spi.TaskResult;

/**
 * The result of {@code streaming_insights}, assembled once the stream has ended: a short insight on
 * live monitoring data and any alerts. Result fields: {@code insight} (string), {@code alerts}
 * (array of strings); an unstructured result has {@code text} only.
 *
 * @param structured whether the model answered the JSON it was asked for
 * @param insight the insight for the care team
 * @param alerts conditions that need attention now; empty when there are none
 * @param text the model's raw answer when unstructured; empty otherwise
 */
public record StreamingInsight(boolean structured, String insight, List<String> alerts, String text) {
  public static final String INSIGHT = "insight";
  public static final String ALERTS = "alerts";
  public static final String TEXT = Fields.TEXT;

  public StreamingInsight {
    insight = Fields.orEmpty(insight);
    alerts = Fields.copy(alerts);
    text = Fields.orEmpty(text);
  }

  public static StreamingInsight from(TaskResult result) {
    return fromFields(result.fields(), result.structured());
  }

  /** Reads the result fields (or a model's JSON answer, which has the same names) leniently. */
  public static StreamingInsight fromFields(Map<?, ?> fields, boolean structured) {
    return new StreamingInsight(
        structured,
        Fields.string(fields, INSIGHT),
        Fields.strings(fields, ALERTS),
        Fields.string(fields, TEXT));
  }

  /** The fallback when the model did not answer JSON: its text, nothing else. */
  public static StreamingInsight unstructured(String text) {
    return new StreamingInsight(false, "", List.of(), text);
  }

  /** Whether nothing of the asked shape was filled. */
  public boolean isEmpty() {
    return insight.isBlank() && alerts.isEmpty();
  }

  public TaskResult toTaskResult() {
    Map<String, Object> f = new LinkedHashMap<>();
    if (structured) {
      f.put(INSIGHT, insight);
      f.put(ALERTS, alerts);
    } else {
      f.put(TEXT, text);
    }
    return new TaskResult(Collections.unmodifiableMap(f), structured);
  }

  /** Counts only: the content may be patient data. */
  @Override
  public String toString() {
    return "StreamingInsight[structured=" + structured + ", alerts=" + alerts.size() + "]";
  }
}
