package org.keytriage.tasks.internal;

import org.keytriage.spi.JsonCodec;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.spi.TaskHandler;
import org.keytriage.spi.TaskTypes;

/**
 * Creates the {@code batch_processing} handler.
 *
 * <p>Defaults: model {@code meta/llama-3.1-8b-instruct}, temperature 0.2, max_tokens 512.
 */
public final class BatchItemHandlerFactory extends BuiltInHandlerFactory {
  public BatchItemHandlerFactory() {
    super(
        TaskTypes.BATCH_PROCESSING,
        "Summarises one record of a bulk job on cost-optimised keys.",
        new ChatSettings("meta/llama-3.1-8b-instruct", 0.2, 512));
  }

  @Override
  TaskHandler newHandler(ChatSettings settings, JsonCodec json, ProviderConfig config) {
    return new BatchItemHandler(settings, json);
  }
}
