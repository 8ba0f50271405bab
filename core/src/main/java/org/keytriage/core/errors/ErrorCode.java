package org.keytriage.core.errors;

/**
 * Every way a request through KeyTriage can fail, each with its HTTP status, a stable code and a
 * title. The one vocabulary of the product: the web edge renders it (OpenAI's error shape on
 * {@code /v1}, RFC 9457 problem details elsewhere), batch items report it, metrics label failed
 * requests with {@link #code()}. Codes are part of the public API: never rename one.
 */
public enum ErrorCode {
  /** No key can take the request now (all at limits, cooling down, open, over budget...). */
  NO_AVAILABLE_KEY(503, "no_available_key", "No available API key"),
  /** The task type names no configured route. */
  UNKNOWN_TASK_TYPE(400, "unknown_task_type", "Unknown task type"),
  /** The strategy id names no installed balancing strategy. */
  UNKNOWN_STRATEGY(400, "unknown_strategy", "Unknown strategy"),
  /** The key id names no configured key. */
  UNKNOWN_KEY(404, "unknown_key", "Unknown key"),
  /** A key with that id already exists in the catalogue. */
  KEY_CONFLICT(409, "key_conflict", "Key already exists"),
  /** A typed task's handler refused its input; nothing was sent. */
  INVALID_TASK_INPUT(400, "invalid_task_input", "Invalid task input"),
  /** The upstream refused the request itself (a 4xx other than 401/403/429). */
  UPSTREAM_REJECTED(400, "upstream_rejected_request", "Upstream rejected the request"),
  /** The request's deadline ran out across its attempts. */
  UPSTREAM_DEADLINE_EXCEEDED(504, "upstream_deadline_exceeded", "Upstream deadline exceeded"),
  /** A stream broke after part of the answer had been relayed. */
  STREAM_BROKEN(502, "upstream_stream_error", "Upstream stream broke"),
  /** The upstream answered in a way the gateway could not use. */
  UPSTREAM_ERROR(502, "upstream_error", "Upstream failure"),
  /** The cluster's usage ledger cannot be reached and the configured failure mode refuses. */
  LEDGER_UNAVAILABLE(503, "ledger_unavailable", "Usage ledger unavailable"),
  /** A secret would be stored, but the server has no master key to encrypt it with. */
  MASTER_KEY_REQUIRED(409, "master_key_required", "A master key is required"),
  /** The store's database refused or could not take a change; nothing was changed. */
  STORE_UNAVAILABLE(503, "store_unavailable", "Store unavailable"),
  /** A defect of KeyTriage's own; logged with an incident id. */
  INTERNAL_ERROR(500, "internal_error", "Internal error");

  private final int status;
  private final String code;
  private final String title;

  ErrorCode(int status, String code, String title) {
    this.status = status;
    this.code = code;
    this.title = title;
  }

  /** The HTTP status the edge answers with (an upstream's own 4xx may refine {@link #UPSTREAM_REJECTED}). */
  public int status() {
    return status;
  }

  /** The stable snake_case code: the problem type's suffix, OpenAI's {@code error.code}, the metric label. */
  public String code() {
    return code;
  }

  /** A short title for people. */
  public String title() {
    return title;
  }

  /** The code a failure of any kind maps to: its own for KeyTriage's exceptions, else internal. */
  public static ErrorCode of(Throwable failure) {
    return failure instanceof KeyTriageException e ? e.code() : INTERNAL_ERROR;
  }
}
