package org.keytriage.spi;

import java.util.Map;

/**
 * A task's typed result.
 *
 * @param fields the result as a JSON object tree, e.g. {@code symptoms}, {@code findings}
 * @param structured {@code true} when the model answered valid JSON of the asked shape; {@code
 *     false} when the handler fell back to wrapping the model's text
 */
public record TaskResult(Map<String, Object> fields, boolean structured) {
  public TaskResult {
    fields = fields == null ? Map.of() : fields;
  }

  @Override
  public String toString() {
    return "TaskResult[fields=" + fields.keySet() + ", structured=" + structured + "]";
  }
}
