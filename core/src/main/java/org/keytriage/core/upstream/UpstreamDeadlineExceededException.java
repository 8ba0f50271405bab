package org.keytriage.core.upstream;

import java.time.Duration;
import org.keytriage.core.errors.ErrorCode;

/** The request deadline ran out before any key answered; every attempt made is in {@link #attempts()}. */
public class UpstreamDeadlineExceededException extends UpstreamException {
  private static final long serialVersionUID = 1L;

  private final Duration deadline;
  private final int attempts;

  public UpstreamDeadlineExceededException(
      String taskType, Duration deadline, int attempts, String lastFailure) {
    super(ErrorCode.UPSTREAM_DEADLINE_EXCEEDED, "Upstream request deadline of " + deadline.toMillis() + " ms exceeded for task: "
        + taskType + " after " + attempts + (attempts == 1 ? " attempt" : " attempts")
        + (lastFailure == null ? "" : "; last failure: " + lastFailure), null);
    this.deadline = deadline;
    this.attempts = attempts;
  }

  public Duration deadline() {
    return deadline;
  }

  public int attempts() {
    return attempts;
  }
}
