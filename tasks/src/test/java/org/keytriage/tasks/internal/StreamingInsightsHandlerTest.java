package org.keytriage.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keytriage.tasks.SampleInputs.map;
import static org.keytriage.tasks.internal.Handlers.errors;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keytriage.spi.ClinicalPriority;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskHandler;
import org.keytriage.spi.TaskInput;
import org.keytriage.spi.UpstreamRequest;
import org.keytriage.tasks.SampleInputs;
import org.keytriage.tasks.results.StreamingInsight;

class StreamingInsightsHandlerTest {
  private final TaskHandler handler = Handlers.create(new StreamingInsightsHandlerFactory());

  @Test
  void validationCases() {
    assertThat(errors(handler, Map.of())).containsOnlyKeys("data");
    assertThat(errors(handler, map("data", 98.6))).containsEntry("data", "must be a string, an object or an array");
    assertThat(errors(handler, map("data", "x".repeat(100_001)))).containsEntry("data", "is too long: at most 100000 characters");
    assertThat(errors(handler, map("data", "HR 80", "context", false))).containsOnlyKeys("context");
  }

  @Test
  void streamsOnALatencySensitiveRouteWithTheSmallModel() {
    TaskInput input = TaskInput.of(SampleInputs.streaming());
    UpstreamRequest request = handler.buildRequest(input);
    RoutingHints hints = handler.routingHints(input);

    assertThat(request.streaming()).isTrue();
    assertThat(request.body()).containsEntry("stream", true).containsEntry("max_tokens", 512);
    assertThat(request.model()).isEqualTo("meta/llama-3.1-8b-instruct");
    assertThat(hints.streaming()).isTrue();
    assertThat(hints.latencySensitive()).isTrue();
    assertThat(hints.costSensitive()).isFalse();
    assertThat(hints.clinicalPriority()).isEqualTo(ClinicalPriority.NORMAL);
    assertThat(Handlers.userText(handler, SampleInputs.streaming())).contains("\"heart_rate\":[88,96,112,121]");
  }

  @Test
  void parsesTheInsight() {
    StreamingInsight insight = StreamingInsight.from(handler.parseResponse(
        TaskInput.of(SampleInputs.streaming()),
        ModelAnswers.of("{\"insight\": \"Tachycardia trend.\", \"alerts\": []}")));

    assertThat(insight.structured()).isTrue();
    assertThat(insight.insight()).isEqualTo("Tachycardia trend.");
    assertThat(insight.alerts()).isEmpty();
  }
}
