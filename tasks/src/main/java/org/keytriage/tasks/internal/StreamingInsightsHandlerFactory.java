package org.keytriage.tasks.internal;

import org.keytriage.spi.JsonCodec;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.spi.TaskHandler;
import org.keytriage.spi.TaskTypes;

/**
 * Creates the {@code streaming_insights} handler.
 *
 * <p>Defaults: model {@code meta/llama-3.1-8b-instruct}, temperature 0.3, max_tokens 512.
 */
public final class StreamingInsightsHandlerFactory extends BuiltInHandlerFactory {
  public StreamingInsightsHandlerFactory() {
    super(
        TaskTypes.STREAMING_INSIGHTS,
        "Streams brief real-time insights and alerts on live monitoring data.",
        new ChatSettings("meta/llama-3.1-8b-instruct", 0.3, 512));
  }

  @Override
  TaskHandler newHandler(ChatSettings settings, JsonCodec json, ProviderConfig config) {
    return new StreamingInsightsHandler(settings, json);
  }
}
