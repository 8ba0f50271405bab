package org.keytriage.web.http;

/** Response headers that say how KeyTriage served a call: key ids are not secrets. */
public final class ServedBy {
  /** The key that answered. */
  public static final String KEY_ID = "X-KeyTriage-Key-Id";

  /** Upstream calls made for the request, failovers included. */
  public static final String ATTEMPTS = "X-KeyTriage-Attempts";

  /** The task type the request was routed as. */
  public static final String TASK_TYPE = "X-KeyTriage-Task-Type";

  private ServedBy() {}
}
