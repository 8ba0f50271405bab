package org.keytriage.core.events;

/** Where a request entered KeyTriage; events, metrics and the request log say so. */
public enum Origin {
  /** The OpenAI-compatible {@code /v1} API. */
  OPENAI("v1"),
  /** The typed task API, {@code /api/v1/tasks/{type}}. */
  TASK("task"),
  /** An item of a batch. */
  BATCH("batch"),
  /** A Java program using KeyTriage as a library. */
  LIBRARY("library");

  private final String label;

  Origin(String label) {
    this.label = label;
  }

  /** The short lower-case name used in metric labels and logs. */
  public String label() {
    return label;
  }
}
