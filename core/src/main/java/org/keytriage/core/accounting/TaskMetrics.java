package org.keytriage.core.accounting;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One task type's figures since start.
 *
 * @param rejectedRequests requests for which no key had room ({@code No available API key})
 * @param successRate percent 0..100 (100 when there were no calls)
 */
public record TaskMetrics(
    String taskType,
    String strategy,
    long totalRequests,
    long successfulRequests,
    long failedRequests,
    long rejectedRequests,
    double successRate,
    double averageResponseTimeMillis,
    long totalTokens,
    double totalCost) {

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("strategy", strategy);
    m.put("total_requests", totalRequests);
    m.put("successful_requests", successfulRequests);
    m.put("failed_requests", failedRequests);
    m.put("rejected_requests", rejectedRequests);
    m.put("success_rate", successRate);
    m.put("average_response_time", averageResponseTimeMillis);
    m.put("total_tokens", totalTokens);
    m.put("total_cost", totalCost);
    return m;
  }
}
