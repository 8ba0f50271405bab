package org.keytriage.tasks.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalDouble;
import org.keytriage.tasks.results.PolygenicRisk;

/**
 * Computes a polygenic risk score locally and deterministically, so that the number in a clinical
 * result never depends on a language model's arithmetic:
 *
 * <pre>PRS = Σ over variants with an effect weight of effect_weight × copies of effect_allele</pre>
 *
 * <p>where copies is 0, 1 or 2 from the genotype. The sum is taken exactly in decimal, in input
 * order, so the same input always gives the same score regardless of floating-point rounding
 * (0.1 + 0.2 is 0.3). Variants without a weight are interpreted by the model but do not score; when
 * none has a weight there is no score.
 */
final class PolygenicRiskScore {
  private final BigDecimal score;
  private final int scored;
  private final int total;

  private PolygenicRiskScore(BigDecimal score, int scored, int total) {
    this.score = score;
    this.scored = scored;
    this.total = total;
  }

  static PolygenicRiskScore of(List<VariantRecord> variants) {
    BigDecimal sum = BigDecimal.ZERO;
    int scored = 0;
    for (VariantRecord v : variants) {
      if (v.weighted()) {
        sum = sum.add(v.effectWeight().multiply(BigDecimal.valueOf(v.effectAlleleCount())));
        scored++;
      }
    }
    return new PolygenicRiskScore(scored == 0 ? null : sum, scored, variants.size());
  }

  boolean hasScore() {
    return score != null;
  }

  /** The exact score as plain decimal text, for the prompt; empty when there is none. */
  String exactText() {
    return score == null ? "" : score.stripTrailingZeros().toPlainString();
  }

  int scoredVariants() {
    return scored;
  }

  int totalVariants() {
    return total;
  }

  /** The figures for a result, without a category (that is the model's). */
  PolygenicRisk toRisk() {
    return new PolygenicRisk(
        score == null ? OptionalDouble.empty() : OptionalDouble.of(score.doubleValue()),
        scored,
        total,
        "");
  }

  /** A patient's result: the counts only. */
  @Override
  public String toString() {
    return "PolygenicRiskScore[scored=" + scored + ", total=" + total + "]";
  }
}
