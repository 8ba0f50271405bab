package org.keytriage.tasks.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The genomic risk part of a {@code genomics_analysis} result. The score is computed by KeyTriage,
 * not by the model: PRS = Σ {@code effect_weight} × (copies of {@code effect_allele} in the
 * {@code genotype}: 0, 1 or 2), over the variants that carry a weight, summed exactly in decimal.
 * The model only gives the {@code category}. Fields in a result ({@code risk}): {@code
 * polygenic_risk_score} (number; absent when no variant had a weight), {@code scored_variants},
 * {@code total_variants} and {@code category}.
 *
 * @param score the polygenic risk score; empty when no variant carried an effect weight
 * @param scoredVariants how many variants had a weight and so entered the score
 * @param totalVariants how many variants the input held
 * @param category the model's risk category ({@code low}, {@code moderate}, {@code high} or {@code
 *     unknown} as asked); empty when the model gave none
 */
public record PolygenicRisk(
    OptionalDouble score, int scoredVariants, int totalVariants, String category) {
  public static final String SCORE = "polygenic_risk_score";
  public static final String SCORED_VARIANTS = "scored_variants";
  public static final String TOTAL_VARIANTS = "total_variants";
  public static final String CATEGORY = "category";

  /** No variants, no score, no category. */
  public static final PolygenicRisk NONE = new PolygenicRisk(OptionalDouble.empty(), 0, 0, "");

  public PolygenicRisk {
    score = score == null ? OptionalDouble.empty() : score;
    category = Fields.orEmpty(category);
  }

  /** The same figures with the model's category. */
  public PolygenicRisk withCategory(String value) {
    return new PolygenicRisk(score, scoredVariants, totalVariants, value);
  }

  /** Reads a result's {@code risk} object leniently. */
  public static PolygenicRisk fromFields(Object value) {
    if (!(value instanceof Map<?, ?> m)) {
      return NONE;
    }
    OptionalDouble score =
        m.get(SCORE) instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    return new PolygenicRisk(
        score, count(m.get(SCORED_VARIANTS)), count(m.get(TOTAL_VARIANTS)), Fields.string(m, CATEGORY));
  }

  private static int count(Object v) {
    return v instanceof Number n ? n.intValue() : 0;
  }

  Map<String, Object> toFields() {
    Map<String, Object> f = new LinkedHashMap<>();
    score.ifPresent(s -> f.put(SCORE, s));
    f.put(SCORED_VARIANTS, scoredVariants);
    f.put(TOTAL_VARIANTS, totalVariants);
    f.put(CATEGORY, category);
    return Collections.unmodifiableMap(f);
  }

  /** Counts only: the score is a patient's result. */
  @Override
  public String toString() {
    return "PolygenicRisk[scored=" + score.isPresent() + ", scoredVariants=" + scoredVariants
        + ", totalVariants=" + totalVariants + "]";
  }
}
