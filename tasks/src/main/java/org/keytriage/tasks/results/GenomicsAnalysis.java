package org.keytriage.tasks.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keytriage.spi.TaskResult;

/**
 * The result of {@code genomics_analysis}: the model's interpretation of each variant and the
 * locally computed {@link PolygenicRisk}. Result fields: {@code summary} (string), {@code
 * variant_interpretations} (array of {@link VariantInterpretation} objects) and {@code risk}; an
 * unstructured result has {@code text} and {@code risk} (the score does not depend on the model).
 *
 * @param structured whether the model answered the JSON it was asked for
 * @param summary the overall genomic interpretation
 * @param variantInterpretations one per variant the model commented on
 * @param risk the polygenic risk score and the model's category
 * @param text the model's raw answer when unstructured; empty otherwise
 */
public record GenomicsAnalysis(
    boolean structured,
    String summary,
    List<VariantInterpretation> variantInterpretations,
    PolygenicRisk risk,
    String text) {
  public static final String SUMMARY = "summary";
  public static final String VARIANT_INTERPRETATIONS = "variant_interpretations";
  public static final String RISK = "risk";
  /** The category field of the model's answer; it lands in {@link PolygenicRisk#category()}. */
  public static final String RISK_CATEGORY = "risk_category";
  public static final String TEXT = Fields.TEXT;

  public GenomicsAnalysis {
    summary = Fields.orEmpty(summary);
    variantInterpretations =
        variantInterpretations == null ? List.of() : List.copyOf(variantInterpretations);
    risk = risk == null ? PolygenicRisk.NONE : risk;
    text = Fields.orEmpty(text);
  }

  public static GenomicsAnalysis from(TaskResult result) {
    Map<String, Object> f = result.fields();
    return new GenomicsAnalysis(
        result.structured(),
        Fields.string(f, SUMMARY),
        VariantInterpretation.listFrom(f.get(VARIANT_INTERPRETATIONS)),
        PolygenicRisk.fromFields(f.get(RISK)),
        Fields.string(f, TEXT));
  }

  /**
   * Reads a model's JSON answer ({@code summary}, {@code variant_interpretations}, {@code
   * risk_category}) leniently and joins it to the locally computed {@code risk}.
   */
  public static GenomicsAnalysis fromModelAnswer(Map<?, ?> answer, PolygenicRisk risk) {
    return new GenomicsAnalysis(
        true,
        Fields.string(answer, SUMMARY),
        VariantInterpretation.listFrom(answer.get(VARIANT_INTERPRETATIONS)),
        (risk == null ? PolygenicRisk.NONE : risk).withCategory(Fields.string(answer, RISK_CATEGORY)),
        "");
  }

  /** The fallback when the model did not answer JSON: its text and the local risk figures. */
  public static GenomicsAnalysis unstructured(String text, PolygenicRisk risk) {
    return new GenomicsAnalysis(false, "", List.of(), risk, text);
  }

  /** Whether the model's part is empty, i.e. its JSON had nothing of the asked shape. */
  public boolean isEmpty() {
    return summary.isBlank() && variantInterpretations.isEmpty() && risk.category().isBlank();
  }

  public TaskResult toTaskResult() {
    Map<String, Object> f = new LinkedHashMap<>();
    if (structured) {
      f.put(SUMMARY, summary);
      f.put(VARIANT_INTERPRETATIONS,
          variantInterpretations.stream().map(VariantInterpretation::toFields).toList());
    } else {
      f.put(TEXT, text);
    }
    f.put(RISK, risk.toFields());
    return new TaskResult(Collections.unmodifiableMap(f), structured);
  }

  /** Counts only: the content is a patient's genomic result. */
  @Override
  public String toString() {
    return "GenomicsAnalysis[structured=" + structured + ", variantInterpretations="
        + variantInterpretations.size() + ", risk=" + risk + "]";
  }
}
