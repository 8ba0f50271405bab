package org.keytriage.core.gateway;

import org.keytriage.core.upstream.TokenUsage;
import org.keytriage.spi.TaskResult;

/**
 * One task's answer and how it was served.
 *
 * @param <R> the typed result, e.g. {@code MedicalTextAnalysis} of the clinical module, or {@link TaskResult}
 * @param taskType the task type id
 * @param result the typed result
 * @param taskResult the same result as the handler's field tree (what the REST API returns)
 * @param keyId the id of the key that served it (never the secret)
 * @param tokens the tokens the serving call used, as booked
 * @param cost {@code tokens.total × cost_per_token} of the serving key
 * @param attempts upstream calls made, the serving one included (more than 1 after a failover)
 * @param latencyMillis the serving call's response time
 */
public record TaskOutcome<R>(
    String taskType,
    R result,
    TaskResult taskResult,
    String keyId,
    TokenUsage tokens,
    double cost,
    int attempts,
    long latencyMillis) {

  /** The same outcome with its result typed by {@code typed}, e.g. {@code MedicalTextAnalysis::from}. */
  public <T> TaskOutcome<T> map(java.util.function.Function<TaskResult, T> typed) {
    return new TaskOutcome<>(taskType, typed.apply(taskResult), taskResult, keyId, tokens, cost,
        attempts, latencyMillis);
  }

  /**
   * The outcome in the typed task API's JSON shape, as a JDK tree: {@code task_type}, {@code
   * result} (the handler's fields), {@code structured}, {@code key_id} (never the secret), {@code
   * tokens} ({@code prompt}, {@code completion}, {@code total}), {@code cost}, {@code attempts},
   * {@code latency_ms}. A batch item shows the same members but for the batch's own ones.
   */
  public java.util.Map<String, Object> asJsonTree() {
    java.util.Map<String, Object> tokenCounts = new java.util.LinkedHashMap<>();
    tokenCounts.put("prompt", tokens.prompt());
    tokenCounts.put("completion", tokens.completion());
    tokenCounts.put("total", tokens.total());
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("task_type", taskType);
    m.put("result", taskResult.fields());
    m.put("structured", structured());
    m.put("key_id", keyId);
    m.put("tokens", tokenCounts);
    m.put("cost", cost);
    m.put("attempts", attempts);
    m.put("latency_ms", latencyMillis);
    return m;
  }

  /** Whether the model answered the JSON it was asked for (else the result carries its text). */
  public boolean structured() {
    return taskResult.structured();
  }

  /** How it was served; the result's toString shows no content either. */
  @Override
  public String toString() {
    return "TaskOutcome[taskType=" + taskType + ", keyId=" + keyId + ", structured="
        + structured() + ", tokens=" + tokens + ", cost=" + cost + ", attempts=" + attempts
        + ", latencyMillis=" + latencyMillis + "]";
  }
}
