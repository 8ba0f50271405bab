package org.keytriage.core.upstream;

import org.keytriage.core.errors.ErrorCode;
import org.keytriage.core.errors.KeyTriageException;

/**
 * The upstream could not serve the request ({@link ErrorCode#UPSTREAM_ERROR} unless a subclass
 * says otherwise). The message names task, key and status only: never the secret or the body.
 */
public class UpstreamException extends KeyTriageException {
  private static final long serialVersionUID = 1L;

  public UpstreamException(String message) {
    this(ErrorCode.UPSTREAM_ERROR, message, null);
  }

  public UpstreamException(String message, Throwable cause) {
    this(ErrorCode.UPSTREAM_ERROR, message, cause);
  }

  protected UpstreamException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
