package org.keytriage.web.http;

/** The request header that names the task type of an OpenAI-compatible call. */
public final class TaskTypeHeader {
  public static final String NAME = "X-Task-Type";

  private TaskTypeHeader() {}
}
