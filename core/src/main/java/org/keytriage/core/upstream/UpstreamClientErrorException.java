package org.keytriage.core.upstream;

import java.util.Map;
import org.keytriage.core.errors.ErrorCode;

/**
 * The upstream refused the request itself (400, 404, 413, 422 and other 4xx that are not about the
 * key or its rate): another key would be refused the same way, so there was no failover and the
 * key was not penalised. Carries the upstream's status and error body as they came, so the caller
 * can pass them on.
 */
public class UpstreamClientErrorException extends UpstreamException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errorBody;
  private final transient Map<String, Object> errorJson;
  private final String keyId;

  public UpstreamClientErrorException(
      String taskType, String keyId, int status, String errorBody, Map<String, Object> errorJson) {
    super(ErrorCode.UPSTREAM_REJECTED, "Upstream rejected the request for task: " + taskType + " with HTTP " + status
        + " (the request is at fault, not the key; not retried on another key)", null);
    this.status = status;
    this.errorBody = errorBody == null ? "" : errorBody;
    this.errorJson = errorJson == null ? Map.of() : errorJson;
    this.keyId = keyId;
  }

  /** The upstream's HTTP status, e.g. 400. */
  /** The upstream's own 4xx, answered to the caller as it is. */
  @Override
  public int status() {
    return status >= 400 && status < 500 ? status : super.status();
  }

  /** The status the upstream answered with. */
  public int upstreamStatus() {
    return status;
  }

  /** The upstream's error body as text, as it came (an echoed secret is masked). */
  public String errorBody() {
    return errorBody;
  }

  /** The error body as a JSON object tree; empty when it was not a JSON object. */
  public Map<String, Object> errorJson() {
    return errorJson;
  }

  /** The key the request was tried on. */
  public String keyId() {
    return keyId;
  }
}
