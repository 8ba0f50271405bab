package org.keytriage.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskAnswerTest {
  private static final List<String> TASKS =
      List.of(
          "medical_text_analysis",
          "diagnostic_report_generation",
          "genomics_analysis",
          "streaming_insights",
          "batch_processing",
          "multimodal_fusion");

  /** The free-text fields of each shape; the rest is fixed vocabulary or names from the prompt. */
  private static final Set<String> FIXED = Set.of("risk_category", "confidence", "significance", "gene", "rsid");

  @Test
  void everyTaskGetsItsShapeAsValidJsonAndKeepsTheWordCount() {
    for (String task : TASKS) {
      for (int n = 0; n <= 70; n++) {
        List<String> words = CompletionText.words(n, n);
        JsonObject json = Json.parseObject(TaskAnswer.json(task, words, n, "").orElseThrow());
        assertThat(countWords(json)).as("%s with %d words", task, n).isEqualTo(n);
      }
    }
  }

  @Test
  void shapesHaveTheFieldsTheHandlersAskFor() {
    List<String> words = CompletionText.words(7, 40);
    assertThat(shape("medical_text_analysis", words).keySet())
        .containsExactly("summary", "symptoms", "findings");
    assertThat(shape("diagnostic_report_generation", words).keySet())
        .containsExactly("summary", "findings", "impression", "recommendations");
    assertThat(shape("genomics_analysis", words).keySet())
        .containsExactly("summary", "variant_interpretations", "risk_category");
    assertThat(shape("streaming_insights", words).keySet()).containsExactly("insight", "alerts");
    assertThat(shape("batch_processing", words).keySet()).containsExactly("summary", "key_points");
    JsonObject fusion = shape("multimodal_fusion", words);
    assertThat(fusion.keySet())
        .containsExactly("assessment", "modality_findings", "confidence", "recommendations");
    assertThat(fusion.getJsonObject("modality_findings").keySet())
        .containsExactly("imaging", "wearable", "genomics");
    assertThat(fusion.getString("confidence")).isIn("low", "moderate", "high");
  }

  @Test
  void genomicsInterpretsEachVariantNamedInThePrompt() {
    String prompt = "Variants (2):\n- gene=APOE rsid=rs429358 genotype=C/T\n"
        + "- gene=CYP2C19 rsid=rs4244285 genotype=A/G effect_allele=A\n";
    JsonObject json =
        Json.parseObject(TaskAnswer.json("genomics_analysis", CompletionText.words(3, 30), 3, prompt)
            .orElseThrow());

    JsonArray variants = json.getJsonArray("variant_interpretations");
    assertThat(variants).hasSize(2);
    assertThat(variants.getJsonObject(0).getString("gene")).isEqualTo("APOE");
    assertThat(variants.getJsonObject(1).getString("rsid")).isEqualTo("rs4244285");
    assertThat(json.getString("risk_category")).isIn("low", "moderate", "high");
  }

  @Test
  void unknownTaskHasNoShape() {
    assertThat(TaskAnswer.json("", CompletionText.words(1, 5), 1, "")).isEmpty();
    assertThat(TaskAnswer.json("vendor_task", CompletionText.words(1, 5), 1, "")).isEmpty();
  }

  @Test
  void splitCoversEveryWordInOrder() {
    List<String> words = List.of("a", "b", "c", "d", "e");
    assertThat(TaskAnswer.split(words, 3)).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
    assertThat(TaskAnswer.split(List.of(), 2)).containsExactly(List.of(), List.of());
  }

  private static JsonObject shape(String task, List<String> words) {
    return Json.parseObject(TaskAnswer.json(task, words, 11, "").orElseThrow());
  }

  private static int countWords(JsonValue value) {
    return words(value, null).size();
  }

  private static List<String> words(JsonValue value, String key) {
    List<String> out = new ArrayList<>();
    switch (value.getValueType()) {
      case OBJECT -> value.asJsonObject().forEach((k, v) -> out.addAll(words(v, k)));
      case ARRAY -> value.asJsonArray().forEach(v -> out.addAll(words(v, key)));
      case STRING -> {
        String s = ((JsonString) value).getString();
        if (!FIXED.contains(key) && !s.isBlank()) {
          out.addAll(List.of(s.split(" ")));
        }
      }
      default -> { }
    }
    return out;
  }
}
