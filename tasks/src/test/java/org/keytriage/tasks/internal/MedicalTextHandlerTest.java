package org.keytriage.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keytriage.tasks.SampleInputs.map;
import static org.keytriage.tasks.internal.Handlers.errors;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keytriage.spi.ClinicalPriority;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskHandler;
import org.keytriage.spi.TaskInput;
import org.keytriage.spi.TaskResult;
import org.keytriage.spi.UpstreamRequest;
import org.keytriage.tasks.SampleInputs;
import org.keytriage.tasks.results.MedicalTextAnalysis;
import org.keytriage.tasks.tck.ProviderConfigs;

class MedicalTextHandlerTest {
  private final TaskHandler handler = Handlers.create(new MedicalTextHandlerFactory());

  @Test
  void missingText() {
    assertThat(errors(handler, Map.of())).containsOnlyKeys("text");
    assertThat(errors(handler, map("context", "x"))).containsOnlyKeys("text");
    assertThat(errors(handler, Map.of()).get("text")).startsWith("is required");
  }

  @Test
  void wrongTypes() {
    assertThat(errors(handler, map("text", 42, "context", List.of("a"))))
        .containsEntry("text", "must be a string")
        .containsEntry("context", "must be a string");
    assertThat(errors(handler, map("text", "  "))).containsEntry("text", "must not be blank");
  }

  @Test
  void oversizeText() {
    assertThat(errors(handler, map("text", "a".repeat(100_000)))).isEmpty();
    assertThat(errors(handler, map("text", "a".repeat(100_001))))
        .containsEntry("text", "is too long: at most 100000 characters");
    assertThat(errors(handler, map("text", "ok", "context", "c".repeat(2_001))))
        .containsOnlyKeys("context");
  }

  @Test
  void requestAsksForJsonWithTheTaskLineAndDefaults() {
    UpstreamRequest request = handler.buildRequest(TaskInput.of(SampleInputs.medicalText()));

    assertThat(request.path()).isEqualTo("/v1/chat/completions");
    assertThat(request.model()).isEqualTo("meta/llama-3.1-70b-instruct");
    assertThat(request.streaming()).isFalse();
    assertThat(request.body()).containsEntry("temperature", 0.2).containsEntry("max_tokens", 1024)
        .doesNotContainKey("stream");
    String system = Handlers.systemPrompt(handler, SampleInputs.medicalText());
    assertThat(system).startsWith("Task: medical_text_analysis\n").contains("JSON")
        .contains("\"symptoms\": [string]");
    String user = Handlers.userText(handler, SampleInputs.medicalText());
    assertThat(user).contains("Context: diagnostic_evaluation").contains("MMSE score 22")
        .endsWith(ChatTaskHandler.ANSWER_AS_JSON);
  }

  @Test
  void estimateIsPromptCharsOverFourPlusMaxTokens() {
    Map<String, Object> input = SampleInputs.medicalText();
    long chars = Handlers.systemPrompt(handler, input).length() + Handlers.userText(handler, input).length();
    RoutingHints hints = handler.routingHints(TaskInput.of(input));

    assertThat(hints.estimatedTokens()).isEqualTo((chars + 3) / 4 + 1024);
    assertThat(hints.clinicalPriority()).isEqualTo(ClinicalPriority.NORMAL);
    assertThat(hints.latencySensitive()).isFalse();
    assertThat(hints.costSensitive()).isFalse();
  }

  @Test
  void settingsChangeModelTemperatureAndBudget() {
    TaskHandler custom = new MedicalTextHandlerFactory().create(ProviderConfigs.of(Map.of(
        "model", "nvidia/llama-3.1-nemotron-70b-instruct", "temperature", "0", "max_tokens", "64")));
    UpstreamRequest request = custom.buildRequest(TaskInput.of(SampleInputs.medicalTextOnly()));

    assertThat(request.model()).isEqualTo("nvidia/llama-3.1-nemotron-70b-instruct");
    assertThat(request.body()).containsEntry("temperature", 0.0).containsEntry("max_tokens", 64);
    assertThatThrownBy(() -> new MedicalTextHandlerFactory()
        .create(ProviderConfigs.of(Map.of("temperature", "3"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("temperature");
    assertThatThrownBy(() -> new MedicalTextHandlerFactory()
        .create(ProviderConfigs.of(Map.of("max_tokens", "0"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_tokens");
    assertThatThrownBy(() -> new MedicalTextHandlerFactory()
        .create(ProviderConfigs.of(Map.of("model", " "))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model");
  }

  @Test
  void invalidInputCannotBeBuiltAndTheErrorNamesFieldsOnly() {
    assertThatThrownBy(() -> handler.buildRequest(TaskInput.of(map("text", 5, "context", "Jane Doe"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("text")
        .hasMessageNotContaining("Jane");
    assertThatThrownBy(() -> handler.routingHints(TaskInput.of(Map.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parsesTheAnswerAndBendsOddShapes() {
    TaskResult result = handler.parseResponse(TaskInput.of(SampleInputs.medicalText()),
        ModelAnswers.of("Sure! Here it is:\n```json\n{\"summary\": \"Cognitive decline.\","
            + " \"symptoms\": \"memory loss\", \"findings\": [{\"finding\": \"MMSE\", \"value\": 22},"
            + " null, \"\"], \"extra\": 1}\n```"));

    assertThat(result.structured()).isTrue();
    assertThat(result.fields()).containsOnlyKeys("summary", "symptoms", "findings");
    MedicalTextAnalysis typed = MedicalTextAnalysis.from(result);
    assertThat(typed.summary()).isEqualTo("Cognitive decline.");
    assertThat(typed.symptoms()).containsExactly("memory loss");
    assertThat(typed.findings()).containsExactly("MMSE; 22");
    assertThat(typed.text()).isEmpty();
  }

  @Test
  void proseFallsBackToText() {
    TaskResult result = handler.parseResponse(TaskInput.of(SampleInputs.medicalText()),
        ModelAnswers.of("The patient has memory loss."));

    assertThat(result.structured()).isFalse();
    assertThat(result.fields()).containsOnlyKeys("text").containsEntry("text", "The patient has memory loss.");
    assertThat(MedicalTextAnalysis.from(result).text()).isEqualTo("The patient has memory loss.");
  }

  @Test
  void nullInputIsInvalidNotAnException() {
    assertThat(handler.validate(null)).isNotEmpty();
    assertThat(handler.parseResponse(null, null).structured()).isFalse();
  }
}
