package org.keytriage.spi;

import java.util.List;

/**
 * What every plugin factory has: an id, an order, a description and config metadata. A factory is
 * found with {@link java.util.ServiceLoader}, lives as long as the gateway and creates light
 * providers.
 *
 * @param <P> the provider type it creates
 */
public interface ProviderFactory<P> extends AutoCloseable {

  /** The unique id, e.g. {@code round_robin}; lower-case snake_case by convention. */
  String id();

  /** One sentence for the console and the {@code strategies} endpoint. */
  String description();

  /**
   * When two factories claim the same id, the higher order wins (so a vendor can replace a
   * built-in on purpose). Built-ins use 0.
   */
  default int order() {
    return 0;
  }

  /** The settings {@link #create(ProviderConfig)} understands; empty when it has none. */
  default List<ConfigProperty> configProperties() {
    return List.of();
  }

  /**
   * Creates a provider with the given settings.
   *
   * @throws IllegalArgumentException naming the setting when a value is invalid
   */
  P create(ProviderConfig config);

  /** Releases what the factory holds. Default: nothing. */
  @Override
  default void close() {}
}
