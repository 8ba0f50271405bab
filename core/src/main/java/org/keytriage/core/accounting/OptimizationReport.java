package org.keytriage.core.accounting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guide's {@code optimize_api_key_allocation} answer: {@code optimization_score} 0..100 (100 =
 * nothing to improve; each recommendation takes its {@link Recommendation#penalty()} off) and
 * {@code recommendations}.
 */
public record OptimizationReport(int optimizationScore, List<Recommendation> recommendations) {
  public OptimizationReport {
    recommendations = List.copyOf(recommendations);
  }

  public static OptimizationReport of(List<Recommendation> recommendations) {
    int penalty = recommendations.stream().mapToInt(Recommendation::penalty).sum();
    return new OptimizationReport(Math.max(0, 100 - penalty), recommendations);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("optimization_score", optimizationScore);
    m.put("recommendations", recommendations.stream().map(Recommendation::toJson).toList());
    return m;
  }
}
