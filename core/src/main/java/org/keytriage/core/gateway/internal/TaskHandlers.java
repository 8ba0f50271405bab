package org.keytriage.core.gateway.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.keytriage.core.plugin.PluginRegistry;
import org.keytriage.core.routing.UnknownTaskTypeException;
import org.keytriage.spi.TaskHandler;
import org.keytriage.spi.TaskHandlerFactory;

/**
 * One handler per task type, created once from the plugin registry (a vendor handler with a higher
 * order replaces a built-in one) with that task type's settings. All are created up front: a bad
 * handler setting fails the engine's start, not the first patient's request.
 */
final class TaskHandlers {
  private final Map<String, TaskHandler> byType;

  /**
   * @throws IllegalArgumentException naming the setting when a handler refuses its settings, or a
   *     task type with settings but no handler
   */
  TaskHandlers(PluginRegistry<TaskHandlerFactory> registry, Map<String, Map<String, String>> settings) {
    for (String type : settings.keySet()) {
      if (registry.find(type).isEmpty()) {
        throw new IllegalArgumentException("Settings are given for task type '" + type
            + "', but no task handler serves it. Known: " + registry.ids()
            + " (is keytriage-tasks or the vendor's plugin on the class path?)");
      }
    }
    Map<String, TaskHandler> handlers = new LinkedHashMap<>();
    for (TaskHandlerFactory f : registry.factories()) {
      // the registry's config carries the engine's JSON codec, which handlers parse answers with
      handlers.put(f.id(), f.create(registry.config(settings.getOrDefault(f.id(), Map.of()))));
    }
    this.byType = Map.copyOf(handlers);
  }

  /**
   * The handler of {@code taskType}.
   *
   * @throws UnknownTaskTypeException when no handler serves it, listing those that do
   */
  TaskHandler of(String taskType) {
    TaskHandler h = taskType == null ? null : byType.get(taskType);
    if (h == null) {
      throw new UnknownTaskTypeException(String.valueOf(taskType), byType.keySet());
    }
    return h;
  }

  Set<String> types() {
    return new java.util.TreeSet<>(byType.keySet());
  }
}
