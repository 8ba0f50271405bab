package org.keytriage.tasks.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keytriage.spi.FieldError;
import org.keytriage.spi.TaskHandler;
import org.keytriage.spi.TaskHandlerFactory;
import org.keytriage.spi.TaskInput;
import org.keytriage.tasks.tck.ProviderConfigs;

/** Small helpers for the handler tests. */
final class Handlers {
  private Handlers() {}

  static TaskHandler create(TaskHandlerFactory factory) {
    return factory.create(ProviderConfigs.empty());
  }

  /** The validation errors as field → message. */
  static Map<String, String> errors(TaskHandler handler, Map<String, ?> input) {
    Map<String, String> out = new LinkedHashMap<>();
    for (FieldError e : handler.validate(TaskInput.of(input))) {
      out.put(e.field(), e.message());
    }
    return out;
  }

  /** The request's messages. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> messages(TaskHandler handler, Map<String, ?> input) {
    return (List<Map<String, Object>>) handler.buildRequest(TaskInput.of(input)).body().get("messages");
  }

  static String systemPrompt(TaskHandler handler, Map<String, ?> input) {
    return (String) messages(handler, input).get(0).get("content");
  }

  static String userText(TaskHandler handler, Map<String, ?> input) {
    return (String) messages(handler, input).get(1).get("content");
  }
}
