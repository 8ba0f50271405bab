package org.keytriage.core.routing;

import java.util.Set;
import org.keytriage.core.errors.ErrorCode;
import org.keytriage.core.errors.KeyTriageException;

/** A request named a task type that no configuration or task handler knows. */
public class UnknownTaskTypeException extends KeyTriageException {
  private static final long serialVersionUID = 1L;

  private final String taskType;

  public UnknownTaskTypeException(String taskType, Set<String> known) {
    super(ErrorCode.UNKNOWN_TASK_TYPE,
        "Unknown task type '"
            + taskType
            + "'. Use one of: "
            + String.join(", ", new java.util.TreeSet<>(known)));
    this.taskType = taskType;
  }

  public String taskType() {
    return taskType;
  }
}
