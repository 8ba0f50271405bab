package org.keytriage.tasks.internal;

import java.util.List;
import org.keytriage.spi.ConfigProperty;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.spi.TaskHandler;
import org.keytriage.spi.TaskHandlerFactory;

/**
 * What the six built-in factories share: an id, a description, the chat settings with the task's
 * defaults, and nothing to close. Handlers are immutable, so one may serve every request.
 */
abstract class BuiltInHandlerFactory implements TaskHandlerFactory {
  private final String id;
  private final String description;
  private final ChatSettings defaults;

  BuiltInHandlerFactory(String id, String description, ChatSettings defaults) {
    this.id = id;
    this.description = description;
    this.defaults = defaults;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return defaults.properties();
  }

  /**
   * @throws IllegalArgumentException naming the setting when a value is invalid
   */
  @Override
  public final TaskHandler create(ProviderConfig config) {
    ProviderConfig c = config == null ? ProviderConfig.empty() : config;
    return newHandler(defaults.with(c), c);
  }

  abstract TaskHandler newHandler(ChatSettings settings, ProviderConfig config);

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[id=" + id + "]";
  }
}
