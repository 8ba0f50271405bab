package org.keytriage.core.accounting;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One optimisation recommendation, the guide's {@code {type, message}} plus the key or task type it
 * is about and its weight in the score.
 *
 * @param type e.g. {@code low_success_rate}; see {@link RecommendationType}
 * @param message a sentence for a person, e.g. {@code Key k1 has low success rate: 75.0%}
 * @param subject the key id or task type concerned
 * @param penalty points taken off the optimisation score
 */
public record Recommendation(String type, String message, String subject, int penalty) {

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    m.put("message", message);
    m.put("subject", subject);
    return m;
  }
}
