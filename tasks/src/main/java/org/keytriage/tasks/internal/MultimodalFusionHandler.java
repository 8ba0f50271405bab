package org.keytriage.tasks.internal;

import static org.keytriage.tasks.BuiltInTaskHandlers.MAX_IMAGES;
import static org.keytriage.tasks.BuiltInTaskHandlers.MAX_NOTE_CHARS;
import static org.keytriage.tasks.BuiltInTaskHandlers.MAX_TEXT_CHARS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keytriage.spi.JsonCodec;
import org.keytriage.spi.TaskInput;
import org.keytriage.spi.TaskResult;
import org.keytriage.spi.TaskTypes;
import org.keytriage.tasks.results.MultimodalAssessment;

/**
 * {@code multimodal_fusion}: imaging, a wearable time-series summary and a genomic summary fused in
 * ONE vision-language request, so the model can correlate them (the point of fusion) rather than
 * each being read alone. The user message is a list of OpenAI content parts: one text part with
 * the non-image data, then one {@code image_url} part per image.
 *
 * <p>Images cost tokens the text estimate cannot see, so each reserves {@code image_tokens}
 * (default {@value #DEFAULT_IMAGE_TOKENS}) on top.
 */
final class MultimodalFusionHandler extends ChatTaskHandler {
  static final String IMAGES = "images";
  static final String WEARABLE_SUMMARY = "wearable_summary";
  static final String GENOMIC_SUMMARY = "genomic_summary";
  static final String CLINICAL_QUESTION = "clinical_question";

  /** About what a vision model spends on one tile of an image; settled with the real count. */
  static final int DEFAULT_IMAGE_TOKENS = 1024;

  private static final String SYSTEM_PROMPT =
      SystemPrompt.of(
          TaskTypes.MULTIMODAL_FUSION,
          "You are a multimodal clinical assistant. You fuse medical imaging, a wearable device's "
              + "time-series summary and a genomic summary into one integrated assessment, "
              + "correlating what the modalities show together.",
          "{\"assessment\": string, \"modality_findings\": {\"imaging\": string, \"wearable\": "
              + "string, \"genomics\": string}, \"confidence\": \"low\" | \"moderate\" | \"high\", "
              + "\"recommendations\": [string]}",
          "modality_findings: what each modality given contributes; leave out a modality that was "
              + "not given. assessment: the integrated picture in at most four sentences. "
              + "confidence: how well the modalities agree and support the assessment.");

  private final int imageTokens;

  MultimodalFusionHandler(ChatSettings settings, JsonCodec json, int imageTokens) {
    super(TaskTypes.MULTIMODAL_FUSION, settings, json);
    this.imageTokens = imageTokens;
  }

  @Override
  String systemPrompt() {
    return SYSTEM_PROMPT;
  }

  @Override
  Object userContent(FieldCheck check) {
    List<String> images = images(check);
    Optional<String> wearable = check.jsonOrText(WEARABLE_SUMMARY, false, MAX_TEXT_CHARS, "");
    Optional<String> genomic = check.jsonOrText(GENOMIC_SUMMARY, false, MAX_TEXT_CHARS, "");
    Optional<String> question = check.optionalText(CLINICAL_QUESTION, MAX_NOTE_CHARS);
    if (!check.given(IMAGES) && !check.present(WEARABLE_SUMMARY) && !check.present(GENOMIC_SUMMARY)) {
      check.fail(IMAGES, "is required unless wearable_summary or genomic_summary is given: fusion "
          + "needs at least one modality");
    }
    StringBuilder text = new StringBuilder();
    question.ifPresent(q -> text.append("Clinical question: ").append(q).append("\n\n"));
    text.append("Wearable time-series summary:\n").append(wearable.orElse("(not given)")).append("\n\n");
    text.append("Genomic summary:\n").append(genomic.orElse("(not given)")).append("\n\n");
    text.append("Images: ").append(images.isEmpty() ? "(not given)" : images.size() + " attached")
        .append("\n\n").append(ANSWER_AS_JSON);
    List<Object> parts = new ArrayList<>();
    parts.add(part("text", "text", text.toString()));
    for (String url : images) {
      parts.add(part("image_url", "image_url", Map.of("url", url)));
    }
    return parts;
  }

  private static List<String> images(FieldCheck check) {
    List<String> good = new ArrayList<>();
    Optional<List<?>> items = check.list(IMAGES, 0, MAX_IMAGES, "");
    if (items.isPresent()) {
      List<?> list = items.get();
      for (int i = 0; i < list.size(); i++) {
        Optional<String> problem = ImageReference.problem(list.get(i));
        if (problem.isPresent()) {
          check.fail(IMAGES + "[" + i + "]", problem.get());
        } else {
          good.add((String) list.get(i));
        }
      }
    }
    return good;
  }

  private static Map<String, Object> part(String type, String key, Object value) {
    Map<String, Object> part = new LinkedHashMap<>();
    part.put("type", type);
    part.put(key, value);
    return part;
  }

  @Override
  long extraPromptTokens(Object userContent) {
    long images = 0;
    if (userContent instanceof List<?> parts) {
      images = parts.stream()
          .filter(p -> p instanceof Map<?, ?> m && "image_url".equals(m.get("type")))
          .count();
    }
    return images * imageTokens;
  }

  @Override
  Optional<TaskResult> structuredResult(TaskInput input, Map<String, Object> answer) {
    MultimodalAssessment assessment = MultimodalAssessment.fromFields(answer, true);
    return assessment.isEmpty() ? Optional.empty() : Optional.of(assessment.toTaskResult());
  }

  @Override
  TaskResult unstructuredResult(TaskInput input, String answer) {
    return MultimodalAssessment.unstructured(answer).toTaskResult();
  }
}
