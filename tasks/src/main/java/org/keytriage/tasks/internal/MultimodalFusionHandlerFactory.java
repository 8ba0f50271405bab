package org.keytriage.tasks.internal;

import java.util.ArrayList;
import java.util.List;
import org.keytriage.spi.ConfigProperty;
import org.keytriage.spi.ConfigPropertyType;
import org.keytriage.spi.JsonCodec;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.spi.TaskHandler;
import org.keytriage.spi.TaskTypes;
import org.keytriage.tasks.BuiltInTaskHandlers;

/**
 * Creates the {@code multimodal_fusion} handler. Defaults: model {@code
 * meta/llama-3.2-11b-vision-instruct}, temperature 0.2, max_tokens 1536, image_tokens 1024.
 */
public final class MultimodalFusionHandlerFactory extends BuiltInHandlerFactory {
  static final String IMAGE_TOKENS = BuiltInTaskHandlers.SETTING_IMAGE_TOKENS;

  public MultimodalFusionHandlerFactory() {
    super(
        TaskTypes.MULTIMODAL_FUSION,
        "Fuses imaging, wearable and genomic data into one assessment with a vision-language model.",
        new ChatSettings("meta/llama-3.2-11b-vision-instruct", 0.2, 1536));
  }

  @Override
  public List<ConfigProperty> configProperties() {
    List<ConfigProperty> list = new ArrayList<>(super.configProperties());
    list.add(ConfigProperty.of(IMAGE_TOKENS, "Tokens per image",
        "Tokens reserved against the key's TPM for each image before the call; the real count is "
            + "settled afterwards.",
        ConfigPropertyType.INTEGER, Integer.toString(MultimodalFusionHandler.DEFAULT_IMAGE_TOKENS)));
    return List.copyOf(list);
  }

  @Override
  TaskHandler newHandler(ChatSettings settings, JsonCodec json, ProviderConfig config) {
    long imageTokens = config.getLong(IMAGE_TOKENS, MultimodalFusionHandler.DEFAULT_IMAGE_TOKENS);
    if (imageTokens < 0 || imageTokens > 100_000) {
      throw new IllegalArgumentException(
          "setting '" + IMAGE_TOKENS + "' is " + imageTokens + " but must be between 0 and 100000");
    }
    return new MultimodalFusionHandler(settings, json, (int) imageTokens);
  }
}
