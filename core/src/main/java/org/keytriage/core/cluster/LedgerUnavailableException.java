package org.keytriage.core.cluster;

/**
 * The cluster's grid could not decide within the configured timeout, and the failure mode is
 * {@link FailureMode#FAIL_CLOSED}: the request is refused rather than risk a key exceeding its
 * limits. The REST API maps it to 503. The message says what failed, for how long it was waited
 * for, and what to check; it never contains a secret.
 */
public final class LedgerUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LedgerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
