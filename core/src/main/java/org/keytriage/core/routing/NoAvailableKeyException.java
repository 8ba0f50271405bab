package org.keytriage.core.routing;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.keytriage.core.errors.ErrorCode;
import org.keytriage.core.errors.KeyTriageException;

/**
 * No key can take the request now ({@link ErrorCode#NO_AVAILABLE_KEY}, 503). The {@link
 * #refusal()} says, key by key, why, and when capacity frees ({@link #retryAfter()}).
 */
public class NoAvailableKeyException extends KeyTriageException {
  private static final long serialVersionUID = 1L;

  private final transient Refusal refusal;

  public NoAvailableKeyException(Refusal refusal) {
    super(ErrorCode.NO_AVAILABLE_KEY, Objects.requireNonNull(refusal, "refusal").describe());
    this.refusal = refusal;
  }

  public String taskType() {
    return refusal.taskType();
  }

  /** Why no key took it: per candidate, and when capacity frees next. */
  public Refusal refusal() {
    return refusal;
  }

  @Override
  public Optional<Duration> retryAfter() {
    return refusal.retryAfter();
  }
}
