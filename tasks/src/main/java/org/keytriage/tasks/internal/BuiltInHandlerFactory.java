package org.keytriage.tasks.internal;

import java.util.List;
import org.keytriage.spi.ConfigProperty;
import org.keytriage.spi.JsonCodec;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.spi.TaskHandler;
import org.keytriage.spi.TaskHandlerFactory;

/**
 * What the six built-in factories share: an id, a description, the chat settings with the task's
 * defaults, the config's JSON codec handed to each handler, and nothing to close. Handlers are
 * immutable, so one may serve every request.
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
   * @throws IllegalStateException when {@code config} carries no JSON codec (see {@link
   *     ProviderConfig#json()})
   */
  @Override
  public final TaskHandler create(ProviderConfig config) {
    ProviderConfig c = config == null ? ProviderConfig.empty() : config;
    // taken now, so a config without a codec fails at start-up, not on the first request
    JsonCodec json = c.json();
    return newHandler(defaults.with(c), json, c);
  }

  /** The handler with these settings, parsing and writing JSON with {@code json}. */
  abstract TaskHandler newHandler(ChatSettings settings, JsonCodec json, ProviderConfig config);

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[id=" + id + "]";
  }
}
