package org.keytriage.tasks.internal;

import org.keytriage.spi.JsonCodec;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.spi.TaskHandler;
import org.keytriage.spi.TaskTypes;

/**
 * Creates the {@code genomics_analysis} handler.
 *
 * <p>Defaults: model {@code meta/llama-3.1-70b-instruct}, temperature 0.1, max_tokens 1536.
 */
public final class GenomicsHandlerFactory extends BuiltInHandlerFactory {
  public GenomicsHandlerFactory() {
    super(
        TaskTypes.GENOMICS_ANALYSIS,
        "Interprets genetic variants and a locally computed polygenic risk score.",
        new ChatSettings("meta/llama-3.1-70b-instruct", 0.1, 1536));
  }

  @Override
  TaskHandler newHandler(ChatSettings settings, JsonCodec json, ProviderConfig config) {
    return new GenomicsHandler(settings, json);
  }
}
