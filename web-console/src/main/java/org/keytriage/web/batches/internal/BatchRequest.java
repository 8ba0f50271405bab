package org.keytriage.web.batches.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.keytriage.core.gateway.InvalidTaskInputException;
import org.keytriage.spi.FieldError;

/**
 * A batch as submitted: {@code {"task_type": "…", "items": [ {input}, … ]}}. Its shape is checked
 * here; each item's fields are checked by the task's handler ({@link #validateItems}) before
 * anything is sent, so a batch either starts whole or is refused whole.
 *
 * @param taskType the task type of every item
 * @param items the items' inputs, in order
 */
public record BatchRequest(String taskType, List<Map<String, Object>> items) {
  public static final String TASK_TYPE = "task_type";
  public static final String ITEMS = "items";

  public BatchRequest {
    items = List.copyOf(items);
  }

  /**
   * Reads the body's shape.
   *
   * @throws InvalidTaskInputException naming {@code task_type}, {@code items} or {@code items[i]}
   */
  @SuppressWarnings("unchecked")
  public static BatchRequest read(Map<String, Object> body, int maxItems) {
    List<FieldError> errors = new ArrayList<>();
    String taskType = body.get(TASK_TYPE) instanceof String s && !s.isBlank() ? s.trim() : null;
    if (taskType == null) {
      errors.add(new FieldError(TASK_TYPE, "is required: the task type of every item, e.g. batch_processing"));
    }
    List<Map<String, Object>> items = new ArrayList<>();
    if (!(body.get(ITEMS) instanceof List<?> list) || list.isEmpty()) {
      errors.add(new FieldError(ITEMS, "is required: a non-empty array of task inputs (JSON objects)"));
    } else if (list.size() > maxItems) {
      errors.add(new FieldError(ITEMS, "has " + list.size() + " items; at most " + maxItems
          + " are allowed (keytriage.batch.max-items): split the batch"));
    } else {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) instanceof Map<?, ?> m) {
          items.add((Map<String, Object>) m);
        } else {
          errors.add(new FieldError(ITEMS + "[" + i + "]", "must be a JSON object: the task's input"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidTaskInputException(taskType == null ? "batch" : taskType, errors);
    }
    return new BatchRequest(taskType, items);
  }

  /**
   * Checks every item with {@code validator} (task type and input → field errors), prefixing each
   * field with {@code items[i].}.
   *
   * @throws InvalidTaskInputException with every bad field of every item
   */
  public void validateItems(BiFunction<String, Map<String, Object>, List<FieldError>> validator) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      for (FieldError e : validator.apply(taskType, items.get(i))) {
        errors.add(new FieldError(ITEMS + "[" + i + "]." + e.field(), e.message()));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidTaskInputException(taskType, errors);
    }
  }

  /** The task type and the item count only: the items are patient data. */
  @Override
  public String toString() {
    return "BatchRequest[taskType=" + taskType + ", items=" + items.size() + "]";
  }
}
