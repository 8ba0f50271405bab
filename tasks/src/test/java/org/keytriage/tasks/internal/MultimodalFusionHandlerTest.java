package org.keytriage.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keytriage.tasks.SampleInputs.PNG_DATA_URL;
import static org.keytriage.tasks.SampleInputs.map;
import static org.keytriage.tasks.internal.Handlers.errors;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keytriage.spi.TaskHandler;
import org.keytriage.spi.TaskInput;
import org.keytriage.spi.UpstreamRequest;
import org.keytriage.tasks.SampleInputs;
import org.keytriage.tasks.results.MultimodalAssessment;
import org.keytriage.tasks.tck.ProviderConfigs;

class MultimodalFusionHandlerTest {
  private final TaskHandler handler = Handlers.create(new MultimodalFusionHandlerFactory());

  @Test
  void needsAtLeastOneModality() {
    assertThat(errors(handler, Map.of())).containsOnlyKeys("images");
    assertThat(errors(handler, map("images", List.of(), "clinical_question", "q"))).containsOnlyKeys("images");
    assertThat(errors(handler, map("genomic_summary", "APOE e4"))).isEmpty();
    assertThat(errors(handler, map("images", List.of(PNG_DATA_URL)))).isEmpty();
  }

  @Test
  void wrongTypesAndOversize() {
    assertThat(errors(handler, map("images", PNG_DATA_URL, "wearable_summary", 5,
        "genomic_summary", true, "clinical_question", List.of())))
        .containsEntry("images", "must be an array")
        .containsEntry("wearable_summary", "must be a string, an object or an array")
        .containsEntry("genomic_summary", "must be a string, an object or an array")
        .containsEntry("clinical_question", "must be a string");
    assertThat(errors(handler, map("images", List.of(PNG_DATA_URL, PNG_DATA_URL, PNG_DATA_URL,
        PNG_DATA_URL, PNG_DATA_URL)))).containsEntry("images", "has too many items: at most 4");
    assertThat(errors(handler, map("wearable_summary", "w".repeat(100_001)))).containsOnlyKeys("wearable_summary");
  }

  @Test
  void imagesMustBeHttpsOrBase64DataUrls() {
    assertThat(errors(handler, map("images", List.of(
        "http://x.org/a.png", "file:///x", "data:text/plain;base64,AA", "data:image/png;base64,"))))
        .containsOnlyKeys("images[0]", "images[1]", "images[2]", "images[3]");
    assertThat(errors(handler, map("images", List.of("data:image/png;base64,@@", "https://", 42))))
        .containsOnlyKeys("images[0]", "images[1]", "images[2]");
    assertThat(errors(handler, map("images", List.of("data:image/png;base64," + "A".repeat(10_000_000)))))
        .containsEntry("images[0]", "is too large: a data URL may be at most 10000000 characters; "
            + "send larger images by https URL");
    assertThat(errors(handler, map("images", List.of("HTTPS://pacs.example.org/x.jpg",
        "data:image/JPEG;base64,/9j/4AAQ", "data:image/webp;base64,UklGRg==")))).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void oneVisionRequestWithTextThenImageParts() {
    UpstreamRequest request = handler.buildRequest(TaskInput.of(SampleInputs.multimodal()));
    List<Map<String, Object>> messages = (List<Map<String, Object>>) request.body().get("messages");
    List<Map<String, Object>> parts = (List<Map<String, Object>>) messages.get(1).get("content");

    assertThat(request.model()).isEqualTo("meta/llama-3.2-11b-vision-instruct");
    assertThat(parts).hasSize(3);
    assertThat(parts.get(0)).containsEntry("type", "text");
    assertThat((String) parts.get(0).get("text"))
        .contains("Clinical question: Is there evidence").contains("\"sleep_hours_avg\":5.2")
        .contains("APOE e3/e4 carrier").contains("Images: 2 attached").contains("JSON");
    assertThat(parts.get(1)).containsEntry("type", "image_url")
        .containsEntry("image_url", Map.of("url", PNG_DATA_URL));
    assertThat(parts.get(2)).containsEntry("image_url",
        Map.of("url", "https://imaging.example.org/studies/1/frame.png"));
  }

  @Test
  void imagesReserveTokensButTheirBytesDoNot() {
    TaskInput input = TaskInput.of(SampleInputs.multimodal());
    String text = (String) ((List<Map<String, Object>>) (List<?>) ((List<Map<String, Object>>)
        handler.buildRequest(input).body().get("messages")).get(1).get("content")).get(0).get("text");
    long chars = Handlers.systemPrompt(handler, SampleInputs.multimodal()).length() + text.length();

    assertThat(handler.routingHints(input).estimatedTokens()).isEqualTo((chars + 3) / 4 + 1536 + 2 * 1024);
    TaskHandler cheap =
        new MultimodalFusionHandlerFactory().create(ProviderConfigs.of(Map.of("image_tokens", "0")));
    assertThat(cheap.routingHints(input).estimatedTokens()).isEqualTo((chars + 3) / 4 + 1536);
  }

  @Test
  void parsesTheFusedAssessment() {
    MultimodalAssessment a = MultimodalAssessment.from(handler.parseResponse(
        TaskInput.of(SampleInputs.multimodal()),
        ModelAnswers.of("{\"assessment\": \"A\", \"modality_findings\": {\"imaging\": \"I\", \"wearable\": \"\","
            + " \"genomics\": \"G\"}, \"confidence\": \"high\", \"recommendations\": [\"R\"]}")));

    assertThat(a.structured()).isTrue();
    assertThat(a.modalityFindings()).containsExactly(Map.entry("imaging", "I"), Map.entry("genomics", "G"));
    assertThat(a.confidence()).isEqualTo("high");
  }
}
