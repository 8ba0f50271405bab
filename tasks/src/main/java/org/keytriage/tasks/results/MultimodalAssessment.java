package org.keytriage.tasks.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keytriage.spi.TaskResult;

/**
 * The result of {@code multimodal_fusion}: one assessment drawn from imaging, wearable and genomic
 * data together. Result fields: {@code assessment} and {@code confidence} (strings), {@code
 * modality_findings} (object of strings keyed {@code imaging}, {@code wearable}, {@code genomics};
 * only the modalities given) and {@code recommendations} (array of strings); an unstructured result
 * has {@code text} only.
 *
 * @param structured whether the model answered the JSON it was asked for
 * @param assessment the fused clinical assessment
 * @param modalityFindings what each modality contributed, by modality
 * @param confidence the model's confidence: {@code low}, {@code moderate} or {@code high} (as the
 *     model wrote it); empty when not given
 * @param recommendations suggested next steps
 * @param text the model's raw answer when unstructured; empty otherwise
 */
public record MultimodalAssessment(
    boolean structured,
    String assessment,
    Map<String, String> modalityFindings,
    String confidence,
    List<String> recommendations,
    String text) {
  public static final String ASSESSMENT = "assessment";
  public static final String MODALITY_FINDINGS = "modality_findings";
  public static final String CONFIDENCE = "confidence";
  public static final String RECOMMENDATIONS = "recommendations";
  public static final String TEXT = Fields.TEXT;

  public MultimodalAssessment {
    assessment = Fields.orEmpty(assessment);
    modalityFindings =
        modalityFindings == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(modalityFindings));
    confidence = Fields.orEmpty(confidence);
    recommendations = Fields.copy(recommendations);
    text = Fields.orEmpty(text);
  }

  public static MultimodalAssessment from(TaskResult result) {
    return fromFields(result.fields(), result.structured());
  }

  /** Reads the result fields (or a model's JSON answer, which has the same names) leniently. */
  public static MultimodalAssessment fromFields(Map<?, ?> fields, boolean structured) {
    return new MultimodalAssessment(
        structured,
        Fields.string(fields, ASSESSMENT),
        Fields.stringMap(fields, MODALITY_FINDINGS),
        Fields.string(fields, CONFIDENCE),
        Fields.strings(fields, RECOMMENDATIONS),
        Fields.string(fields, TEXT));
  }

  /** The fallback when the model did not answer JSON: its text, nothing else. */
  public static MultimodalAssessment unstructured(String text) {
    return new MultimodalAssessment(false, "", Map.of(), "", List.of(), text);
  }

  /** Whether nothing of the asked shape was filled. */
  public boolean isEmpty() {
    return assessment.isBlank() && modalityFindings.isEmpty() && recommendations.isEmpty();
  }

  public TaskResult toTaskResult() {
    Map<String, Object> f = new LinkedHashMap<>();
    if (structured) {
      f.put(ASSESSMENT, assessment);
      f.put(MODALITY_FINDINGS, modalityFindings);
      f.put(CONFIDENCE, confidence);
      f.put(RECOMMENDATIONS, recommendations);
    } else {
      f.put(TEXT, text);
    }
    return new TaskResult(Collections.unmodifiableMap(f), structured);
  }

  /** Counts only: the content may be patient data (and the keys come from the model). */
  @Override
  public String toString() {
    return "MultimodalAssessment[structured=" + structured + ", modalities="
        + modalityFindings.size() + ", recommendations=" + recommendations.size() + "]";
  }
}
