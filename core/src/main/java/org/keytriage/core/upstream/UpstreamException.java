package org.keytriage.core.upstream;

/**
 * The gateway could not give the caller an answer from the upstream. Messages name task types, key
 * ids and statuses, never a secret or request content.
 */
public class UpstreamException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UpstreamException(String message) {
    super(message);
  }

  public UpstreamException(String message, Throwable cause) {
    super(message, cause);
  }
}
