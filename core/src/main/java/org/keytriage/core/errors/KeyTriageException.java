package org.keytriage.core.errors;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The root of every failure KeyTriage reports to a caller. Each carries an {@link ErrorCode}; the
 * message names what is wrong and how to fix it, and never a secret or a prompt, so it may be shown
 * to the caller as it is.
 *
 * <p>These are expected outcomes (a refusal under load is routine), so no stack trace is filled
 * in: a 503 under overload must not cost a stack walk per request.
 */
public class KeyTriageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public KeyTriageException(ErrorCode code, String message) {
    this(code, message, null);
  }

  public KeyTriageException(ErrorCode code, String message, Throwable cause) {
    super(message, cause, true, false);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }

  /** The HTTP status to answer with; {@link ErrorCode#status()} unless a subclass knows better. */
  public int status() {
    return code.status();
  }

  /** When trying again may succeed, if known (rendered as {@code Retry-After}). */
  public Optional<Duration> retryAfter() {
    return Optional.empty();
  }
}
