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

  /** Retry-After when no passed-over key says when it frees: 30 s. */
  public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

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

  /**
   * When capacity frees next, or {@link #DEFAULT_RETRY_AFTER} when no passed-over key says (every
   * key inactive, quarantined or over budget): a caller always gets a time to come back.
   */
  @Override
  public Optional<Duration> retryAfter() {
    return Optional.of(refusal.retryAfter().orElse(DEFAULT_RETRY_AFTER));
  }
}
