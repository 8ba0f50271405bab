package org.keytriage.core.gateway;

import java.util.List;
import java.util.stream.Collectors;
import org.keytriage.core.errors.ErrorCode;
import org.keytriage.core.errors.KeyTriageException;
import org.keytriage.spi.FieldError;

/**
 * A task's input failed its handler's validation; nothing was sent upstream and nothing was spent.
 * The message lists each field and what is wrong with it, never a value (it may be patient data).
 */
public class InvalidTaskInputException extends KeyTriageException {
  private static final long serialVersionUID = 1L;

  private final String taskType;
  private final transient List<FieldError> errors;

  public InvalidTaskInputException(String taskType, List<FieldError> errors) {
    super(ErrorCode.INVALID_TASK_INPUT, "Invalid input for task: " + taskType + ": "
        + errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
    this.taskType = taskType;
    this.errors = List.copyOf(errors);
  }

  public String taskType() {
    return taskType;
  }

  /** One error per bad field, in the order the handler found them. */
  public List<FieldError> errors() {
    return errors;
  }
}
