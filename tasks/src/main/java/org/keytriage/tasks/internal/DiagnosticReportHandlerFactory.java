package org.keytriage.tasks.internal;

import org.keytriage.spi.JsonCodec;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.spi.TaskHandler;
import org.keytriage.spi.TaskTypes;

/**
 * Creates the {@code diagnostic_report_generation} handler.
 *
 * <p>Defaults: model {@code meta/llama-3.1-70b-instruct}, temperature 0.2, max_tokens 2048.
 */
public final class DiagnosticReportHandlerFactory extends BuiltInHandlerFactory {
  public DiagnosticReportHandlerFactory() {
    super(
        TaskTypes.DIAGNOSTIC_REPORT_GENERATION,
        "Writes a diagnostic report (summary, findings, impression, recommendations) from patient data and results.",
        new ChatSettings("meta/llama-3.1-70b-instruct", 0.2, 2048));
  }

  @Override
  TaskHandler newHandler(ChatSettings settings, JsonCodec json, ProviderConfig config) {
    return new DiagnosticReportHandler(settings, json);
  }
}
