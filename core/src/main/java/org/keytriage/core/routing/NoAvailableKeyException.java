package org.keytriage.core.routing;

import java.time.Duration;
import java.util.Optional;

/**
 * No key could take the request. The message starts with the guide's {@code No available API key
 * for task: <task>} and says why and what to check; {@link #retryAfter()} says when capacity frees
 * next, when that is known (keys at their limits or cooling down).
 */
public class NoAvailableKeyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String taskType;
  private final Duration retryAfter;

  public NoAvailableKeyException(String taskType, String detail, Duration retryAfter) {
    super("No available API key for task: " + taskType + (detail.isEmpty() ? "" : ". " + detail));
    this.taskType = taskType;
    this.retryAfter = retryAfter;
  }

  public String taskType() {
    return taskType;
  }

  /** How long until some key should have room again; empty when no waiting will help. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
