package org.keytriage.web.tasks.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.keytriage.core.gateway.TaskOutcome;
import org.keytriage.core.upstream.TokenUsage;
import org.keytriage.spi.TaskResult;

/**
 * A typed task's answer as JSON: {@code task_type}, {@code result} (the handler's typed fields),
 * {@code structured}, {@code key_id} (the id only, never the secret), {@code tokens} ({@code
 * prompt}, {@code completion}, {@code total}), {@code cost}, {@code attempts}, {@code latency_ms}.
 */
public final class OutcomeViews {
  private OutcomeViews() {}

  public static Map<String, Object> of(TaskOutcome<TaskResult> outcome) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task_type", outcome.taskType());
    m.put("result", outcome.taskResult().fields());
    m.put("structured", outcome.structured());
    m.put("key_id", outcome.keyId());
    m.put("tokens", tokens(outcome.tokens()));
    m.put("cost", outcome.cost());
    m.put("attempts", outcome.attempts());
    m.put("latency_ms", outcome.latencyMillis());
    return m;
  }

  static Map<String, Object> tokens(TokenUsage usage) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("prompt", usage.prompt());
    t.put("completion", usage.completion());
    t.put("total", usage.total());
    return t;
  }
}
