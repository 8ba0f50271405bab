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
import org.keytriage.tasks.SampleInputs;
import org.keytriage.tasks.results.BatchSummary;

class BatchItemHandlerTest {
  private final TaskHandler handler = Handlers.create(new BatchItemHandlerFactory());

  @Test
  void validationCases() {
    assertThat(errors(handler, Map.of())).containsOnlyKeys("text");
    assertThat(errors(handler, map("text", Map.of("a", 1)))).containsEntry("text", "must be a string");
    assertThat(errors(handler, map("text", "t".repeat(100_001)))).containsOnlyKeys("text");
    assertThat(errors(handler, map("text", "ok", "instruction", "i".repeat(2_001))))
        .containsEntry("instruction", "is too long: at most 2000 characters");
  }

  @Test
  void cheapLowPriorityRouteAndDefaultInstruction() {
    RoutingHints hints = handler.routingHints(TaskInput.of(SampleInputs.batchItemTextOnly()));

    assertThat(hints.costSensitive()).isTrue();
    assertThat(hints.clinicalPriority()).isEqualTo(ClinicalPriority.LOW);
    assertThat(hints.latencySensitive()).isFalse();
    assertThat(hints.streaming()).isFalse();
    assertThat(Handlers.userText(handler, SampleInputs.batchItemTextOnly()))
        .startsWith("Instruction: " + BatchItemHandler.DEFAULT_INSTRUCTION);
    assertThat(Handlers.userText(handler, SampleInputs.batchItem()))
        .startsWith("Instruction: Summarise for a population study");
  }

  @Test
  void parsesTheSummary() {
    BatchSummary summary = BatchSummary.from(handler.parseResponse(
        TaskInput.of(SampleInputs.batchItem()),
        ModelAnswers.of("{\"summary\": \"Pneumonia.\", \"key_points\": [\"4 days\"]}")));

    assertThat(summary.summary()).isEqualTo("Pneumonia.");
    assertThat(summary.keyPoints()).containsExactly("4 days");
  }
}
