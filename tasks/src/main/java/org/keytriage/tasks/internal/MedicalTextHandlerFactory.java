package org.keytriage.tasks.internal;

import org.keytriage.spi.JsonCodec;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.spi.TaskHandler;
import org.keytriage.spi.TaskTypes;

/**
 * Creates the {@code medical_text_analysis} handler.
 *
 * <p>Defaults: model {@code meta/llama-3.1-70b-instruct}, temperature 0.2, max_tokens 1024.
 */
public final class MedicalTextHandlerFactory extends BuiltInHandlerFactory {
  public MedicalTextHandlerFactory() {
    super(
        TaskTypes.MEDICAL_TEXT_ANALYSIS,
        "Extracts symptoms and findings from clinical text and summarises it.",
        new ChatSettings("meta/llama-3.1-70b-instruct", 0.2, 1024));
  }

  @Override
  TaskHandler newHandler(ChatSettings settings, JsonCodec json, ProviderConfig config) {
    return new MedicalTextHandler(settings, json);
  }
}
