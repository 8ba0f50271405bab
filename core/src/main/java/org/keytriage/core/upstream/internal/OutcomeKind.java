package org.keytriage.core.upstream.internal;

/** How one upstream call ended, and so what failover does next. */
enum OutcomeKind {
  /** 2xx (or a stream that reached {@code [DONE]}): settle and return. */
  SERVED,
  /** 429: cool the key down, release the reservation, try the next key. */
  RATE_LIMITED,
  /** 401/403: quarantine the key, release, try the next key. */
  AUTH_REJECTED,
  /** Other 4xx: the request is at fault; release and throw to the caller. */
  CLIENT_ERROR,
  /** 5xx (or an unusable 2xx body, or an error event before any chunk): circuit failure, next key. */
  SERVER_ERROR,
  /** No answer within the attempt's timeout (or 408): circuit failure, next key. */
  TIMEOUT,
  /** The endpoint could not be connected to: nothing reached it; circuit failure, next key. */
  UNREACHABLE,
  /** The connection broke before an answer: circuit failure, next key. */
  CONNECTION_ERROR,
  /** A stream broke after chunks were relayed: book what streamed, tell the caller; no failover. */
  STREAM_BROKEN,
  /** The stream's listener threw: the key did its job; book what streamed and stop. */
  LISTENER_FAILED,
  /** The calling thread was interrupted while waiting. */
  INTERRUPTED;

  /** Whether the next key should be tried. */
  boolean failsOver() {
    return switch (this) {
      case RATE_LIMITED, AUTH_REJECTED, SERVER_ERROR, TIMEOUT, UNREACHABLE, CONNECTION_ERROR -> true;
      default -> false;
    };
  }

  /** The kind for an HTTP status. */
  static OutcomeKind ofStatus(int status) {
    if (status >= 200 && status < 300) {
      return SERVED;
    }
    if (status == 429) {
      return RATE_LIMITED;
    }
    if (status == 401 || status == 403) {
      return AUTH_REJECTED;
    }
    if (status == 408) {
      return TIMEOUT;
    }
    if (status >= 400 && status < 500) {
      return CLIENT_ERROR;
    }
    return SERVER_ERROR; // 5xx, and 1xx/3xx that an OpenAI-compatible endpoint should never send
  }
}
