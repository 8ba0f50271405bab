package org.keytriage.tasks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.keytriage.spi.ConfigProperty;
import org.keytriage.spi.ConfigPropertyType;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.tasks.BuiltInTaskHandlers;

/**
 * The settings every built-in handler understands: {@code model}, {@code temperature} and {@code
 * max_tokens}, each defaulting to the task type's value.
 *
 * @param model the NVIDIA catalog model id sent in the request
 * @param temperature sampling temperature, 0 to 2
 * @param maxTokens the completion budget sent as {@code max_tokens} and reserved before the call,
 *     1 to {@value #MAX_MAX_TOKENS}
 */
public record ChatSettings(String model, double temperature, int maxTokens) {
  public static final String MODEL = BuiltInTaskHandlers.SETTING_MODEL;
  public static final String TEMPERATURE = BuiltInTaskHandlers.SETTING_TEMPERATURE;
  public static final String MAX_TOKENS = BuiltInTaskHandlers.SETTING_MAX_TOKENS;

  /** Far above any model's output limit; a larger value is a typo, not a wish. */
  static final int MAX_MAX_TOKENS = 32_768;

  /**
   * @throws IllegalArgumentException naming the setting when a value is out of range
   */
  public ChatSettings {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("setting '" + MODEL + "' must not be blank");
    }
    if (!(temperature >= 0 && temperature <= 2)) {
      throw new IllegalArgumentException(
          "setting '" + TEMPERATURE + "' is " + temperature + " but must be between 0 and 2");
    }
    if (maxTokens < 1 || maxTokens > MAX_MAX_TOKENS) {
      throw new IllegalArgumentException("setting '" + MAX_TOKENS + "' is " + maxTokens
          + " but must be between 1 and " + MAX_MAX_TOKENS);
    }
    model = model.trim();
  }

  /** These settings overridden by whatever {@code config} sets. */
  ChatSettings with(ProviderConfig config) {
    long tokens = config.getLong(MAX_TOKENS, maxTokens);
    if (tokens < 1 || tokens > MAX_MAX_TOKENS) {
      throw new IllegalArgumentException("setting '" + MAX_TOKENS + "' is " + tokens
          + " but must be between 1 and " + MAX_MAX_TOKENS);
    }
    return new ChatSettings(
        config.getString(MODEL, model), config.getDouble(TEMPERATURE, temperature), (int) tokens);
  }

  /** The metadata of the three settings, with these values as defaults. */
  List<ConfigProperty> properties() {
    List<ConfigProperty> list = new ArrayList<>();
    list.add(ConfigProperty.of(MODEL, "Model",
        "The NVIDIA catalog model id the request is sent to.",
        ConfigPropertyType.STRING, model));
    list.add(ConfigProperty.of(TEMPERATURE, "Temperature",
        "Sampling temperature from 0 to 2; low values give steadier, more literal answers.",
        ConfigPropertyType.DECIMAL, String.format(Locale.ROOT, "%s", temperature)));
    list.add(ConfigProperty.of(MAX_TOKENS, "Max tokens",
        "The most tokens the model may answer with; also reserved against the key's TPM before the call.",
        ConfigPropertyType.INTEGER, Integer.toString(maxTokens)));
    return list;
  }
}
