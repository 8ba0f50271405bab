package org.keytriage.spi;

import java.util.List;

/**
 * Metadata of one provider setting, for validation and for the console to render a form.
 *
 * @param name the setting's key, e.g. {@code alpha}
 * @param label a short human label
 * @param helpText one sentence on what it does and its effect
 * @param type how to parse and render the value
 * @param defaultValue the value used when the setting is absent, as text
 * @param options the allowed values for {@link ConfigPropertyType#CHOICE}; empty otherwise
 */
public record ConfigProperty(
    String name,
    String label,
    String helpText,
    ConfigPropertyType type,
    String defaultValue,
    List<String> options) {

  public ConfigProperty {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (type == null) {
      throw new IllegalArgumentException("type must not be null");
    }
    options = options == null ? List.of() : List.copyOf(options);
  }

  public static ConfigProperty of(
      String name, String label, String helpText, ConfigPropertyType type, String defaultValue) {
    return new ConfigProperty(name, label, helpText, type, defaultValue, List.of());
  }
}
