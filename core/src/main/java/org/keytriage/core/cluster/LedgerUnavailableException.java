package org.keytriage.core.cluster;

import java.time.Duration;
import java.util.Optional;
import org.keytriage.core.errors.ErrorCode;
import org.keytriage.core.errors.KeyTriageException;

/**
 * The cluster's grid could not decide within the configured timeout, and the failure mode is
 * {@link FailureMode#FAIL_CLOSED}: the request is refused rather than risk a key exceeding its
 * limits. The REST API maps it to 503. The message says what failed, for how long it was waited
 * for, and what to check; it never contains a secret.
 */
public final class LedgerUnavailableException extends KeyTriageException {
  private static final long serialVersionUID = 1L;

  public LedgerUnavailableException(String message, Throwable cause) {
    super(ErrorCode.LEDGER_UNAVAILABLE, message, cause);
  }

  /** A grid outage is usually short (a member restarting): try again in a second. */
  @Override
  public Optional<Duration> retryAfter() {
    return Optional.of(Duration.ofSeconds(1));
  }
}
