package org.keytriage.dist;

import java.util.List;
import java.util.Map;
import org.keytriage.spi.ClinicalPriority;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskTypes;
import org.keytriage.spi.UpstreamRequest;

/**
 * One synthetic request per task type, as a task handler would build it. The texts are made up:
 * no patient data goes anywhere, not even to the local simulator. Shared by the library-mode demo
 * and the server demo ({@link org.keytriage.dist.server}).
 */
public final class DemoRequests {
  /** Share of the workload per task type, in percent, in the guide's order. */
  public static final Map<String, Integer> MIX =
      Map.of(
          TaskTypes.MEDICAL_TEXT_ANALYSIS, 30,
          TaskTypes.DIAGNOSTIC_REPORT_GENERATION, 15,
          TaskTypes.GENOMICS_ANALYSIS, 15,
          TaskTypes.STREAMING_INSIGHTS, 15,
          TaskTypes.BATCH_PROCESSING, 15,
          TaskTypes.MULTIMODAL_FUSION, 10);

  private DemoRequests() {}

  /** The task type of request number {@code i}: a fixed interleaving that follows {@link #MIX}. */
  public static String taskFor(int i) {
    int slot = Math.floorMod(i * 37, 100);
    int acc = 0;
    for (String task : TaskTypes.BUILT_IN) {
      acc += MIX.get(task);
      if (slot < acc) {
        return task;
      }
    }
    return TaskTypes.MEDICAL_TEXT_ANALYSIS;
  }

  public static UpstreamRequest requestFor(String task, int i) {
    return switch (task) {
      case TaskTypes.MEDICAL_TEXT_ANALYSIS -> chat("meta/llama-3.1-70b-instruct",
          "Extract symptoms and findings as JSON from this synthetic note #" + i
              + ": adult reports intermittent memory lapses and mild confusion for three months.");
      case TaskTypes.DIAGNOSTIC_REPORT_GENERATION -> chat("nvidia/llama-3.1-nemotron-70b-instruct",
          "Write a structured diagnostic report as JSON (summary, findings, recommendations) for"
              + " synthetic case #" + i + " with a normal MRI and borderline cognitive scores.");
      case TaskTypes.GENOMICS_ANALYSIS -> chat("meta/llama-3.1-70b-instruct",
          "Interpret these synthetic variants as JSON: APOE rs429358 C/T, rs7412 C/C (case " + i + ").");
      case TaskTypes.STREAMING_INSIGHTS -> new UpstreamRequest("/v1/chat/completions",
          "meta/llama-3.1-8b-instruct",
          body("meta/llama-3.1-8b-instruct", List.of(userText(
              "Give a one-line live insight for synthetic wearable reading #" + i + ": HR 92, SpO2 96."))),
          true);
      case TaskTypes.BATCH_PROCESSING -> chat("meta/llama-3.1-8b-instruct",
          "Summarise synthetic historical record #" + i + " in one sentence.");
      default -> new UpstreamRequest("/v1/chat/completions", "meta/llama-3.2-11b-vision-instruct",
          body("meta/llama-3.2-11b-vision-instruct", List.of(Map.of("role", "user", "content", List.of(
              Map.of("type", "text", "text", "Fuse the synthetic scan, wearable summary and genomic summary #" + i + " as JSON."),
              Map.of("type", "image_url", "image_url", Map.of("url", "data:image/png;base64,iVBORw0KGgo=")))))),
          false);
    };
  }

  public static RoutingHints hintsFor(String task) {
    RoutingHints.Builder b = RoutingHints.builder();
    switch (task) {
      case TaskTypes.STREAMING_INSIGHTS -> b.latencySensitive(true).streaming(true);
      case TaskTypes.BATCH_PROCESSING -> b.costSensitive(true).clinicalPriority(ClinicalPriority.LOW);
      case TaskTypes.DIAGNOSTIC_REPORT_GENERATION -> b.clinicalPriority(ClinicalPriority.HIGH);
      default -> { }
    }
    return b.build();
  }

  private static UpstreamRequest chat(String model, String text) {
    return new UpstreamRequest("/v1/chat/completions", model, body(model, List.of(userText(text))), false);
  }

  private static Map<String, Object> userText(String text) {
    return Map.of("role", "user", "content", text);
  }

  private static Map<String, Object> body(String model, List<Map<String, Object>> messages) {
    return Map.of("model", model, "messages", messages, "max_tokens", 256);
  }
}
