package org.keytriage.dist.server;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.keytriage.spi.TaskTypes;

/**
 * The demo's typed-API section: one call per task type through {@code POST /api/v1/tasks/{type}}
 * (streaming_insights as server-sent events), each printed as a summary of its typed result —
 * counts, scores and categories, never a prompt or the model's text — then one small batch whose
 * progress is followed through {@code GET /api/v1/batches/{id}}.
 */
final class TypedTasksDemo {
  /** Items in the demo's batch. */
  static final int BATCH_ITEMS = 24;

  static final String SECTION = "🧪 Typed task API";
  static final String BATCH_SECTION = "📦 Batch";

  private static final String PNG =
      "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

  /** Synthetic inputs, one per task type. */
  static final Map<String, Object> INPUTS = Map.of(
      "medical_text_analysis", Map.of(
          "text", "Synthetic patient presents with memory loss and confusion over three months; MMSE 22 of 30.",
          "context", "diagnostic_evaluation"),
      "diagnostic_report_generation", Map.of(
          "patient_data", Map.of("age", 71, "sex", "female", "history", List.of("hypertension")),
          "diagnostic_results", Map.of("mri", "mild hippocampal atrophy", "mmse", 22)),
      "genomics_analysis", Map.of("variants", List.of(
          Map.of("gene", "APOE", "rsid", "rs429358", "genotype", "C/T", "effect_allele", "C", "effect_weight", 0.8),
          Map.of("gene", "APOE", "rsid", "rs7412", "genotype", "C/C", "effect_allele", "T", "effect_weight", -0.5),
          Map.of("gene", "CYP2C19", "rsid", "rs4244285", "genotype", "G|A"))),
      "streaming_insights", Map.of("data", Map.of("heart_rate", List.of(88, 96, 112, 121), "spo2", List.of(97, 95, 93, 91)),
          "context", "post-operative ward monitoring"),
      "batch_processing", Map.of("text", "Synthetic discharge summary: community-acquired pneumonia, discharged day four."),
      "multimodal_fusion", Map.of("images", List.of(PNG), "wearable_summary", Map.of("resting_hr_trend", "rising"),
          "genomic_summary", "APOE e3/e4 carrier", "clinical_question", "Early neurodegeneration?"));

  private final ServerClient client;
  private final PrintStream out;
  private int failures;

  TypedTasksDemo(ServerClient client, PrintStream out) {
    this.client = client;
    this.out = out;
  }

  /** Runs the section; returns how many calls did not answer as expected. */
  int run() throws InterruptedException {
    out.println();
    out.println(SECTION + " (POST /api/v1/tasks/{type}: typed results, summaries only)");
    for (String task : TaskTypes.BUILT_IN) {
      try {
        JsonObject outcome = task.equals("streaming_insights") ? streamed(task) : typed(task);
        if (outcome != null) {
          out.printf(Locale.ROOT, "  %-29s %-26s $%.6f %5d ms  %s%n", task, outcome.getString("key_id"),
              num(outcome, "cost"), outcome.getJsonNumber("latency_ms").longValue(),
              describe(task, outcome.getJsonObject("result"), outcome.getBoolean("structured")));
        }
      } catch (IOException | RuntimeException e) {
        fail(task, e.toString());
      }
    }
    batch();
    return failures;
  }

  private JsonObject typed(String task) throws IOException, InterruptedException {
    HttpResponse<String> r = client.task(task, JsonBodies.write(INPUTS.get(task)));
    if (r.statusCode() != 200) {
      fail(task, "HTTP " + r.statusCode() + " " + r.body());
      return null;
    }
    return JsonBodies.parse(r.body()).asJsonObject();
  }

  /** The streaming task as server-sent events: text pieces, then the typed result. */
  private JsonObject streamed(String task) throws IOException, InterruptedException {
    HttpResponse<Stream<String>> r = client.taskStream(task, JsonBodies.write(INPUTS.get(task)));
    List<String> lines;
    try (Stream<String> body = r.body()) {
      lines = body.filter(l -> !l.isEmpty()).toList();
    }
    if (r.statusCode() != 200) {
      fail(task, "HTTP " + r.statusCode() + " " + String.join(" ", lines));
      return null;
    }
    long deltas = lines.stream().filter(l -> l.startsWith("data: {\"delta\"")).count();
    int at = lines.indexOf("event: result");
    if (at < 0 || at + 1 >= lines.size()) {
      fail(task, "the stream ended without a result event");
      return null;
    }
    out.printf("  %-29s relayed %d text events as server-sent events, then the typed result:%n", task, deltas);
    return JsonBodies.parse(lines.get(at + 1).substring("data: ".length())).asJsonObject();
  }

  /** Counts, scores and categories only: the texts may be patient data. */
  static String describe(String task, JsonObject r, boolean structured) {
    if (!structured) {
      return "unstructured answer (" + r.getString("text", "").length() + " characters)";
    }
    return switch (task) {
      case "medical_text_analysis" -> size(r, "symptoms") + " symptoms, " + size(r, "findings") + " findings, a summary";
      case "diagnostic_report_generation" -> "report sections: summary, findings (" + size(r, "findings")
          + "), impression, recommendations (" + size(r, "recommendations") + ")";
      case "genomics_analysis" -> {
        JsonObject risk = r.getJsonObject("risk");
        String score = risk.get("polygenic_risk_score") instanceof JsonNumber n
            ? String.format(Locale.ROOT, "%.2f", n.doubleValue()) : "none";
        yield "PRS " + score + " from " + risk.getInt("scored_variants") + " of " + risk.getInt("total_variants")
            + " variants, category " + risk.getString("category", "?") + "; " + size(r, "variant_interpretations")
            + " variant interpretations";
      }
      case "streaming_insights" -> "an insight, " + size(r, "alerts") + " alerts";
      case "batch_processing" -> "a summary with " + size(r, "key_points") + " key points";
      case "multimodal_fusion" -> "fused assessment from " + String.join(", ", r.getJsonObject("modality_findings").keySet())
          + "; confidence " + r.getString("confidence", "?") + "; " + size(r, "recommendations") + " recommendations";
      default -> r.keySet().size() + " result fields";
    };
  }

  private void batch() throws InterruptedException {
    out.println();
    out.println(BATCH_SECTION + " (POST /api/v1/batches: " + BATCH_ITEMS
        + " batch_processing items, cheap keys first, LOW priority)");
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < BATCH_ITEMS; i++) {
      items.add(Map.of("text", "Synthetic record " + i + ": follow-up visit, blood pressure " + (120 + i) + "/80, stable."));
    }
    try {
      HttpResponse<String> r = client.submitBatch(JsonBodies.write(Map.of("task_type", "batch_processing", "items", items)));
      if (r.statusCode() != 202) {
        fail("batch", "HTTP " + r.statusCode() + " " + r.body());
        return;
      }
      String id = JsonBodies.parse(r.body()).asJsonObject().getString("batch_id");
      out.println("  " + id + " accepted (202, Location " + r.headers().firstValue("Location").orElse("?") + ")");
      JsonObject b = follow(id);
      double sum = b.getJsonArray("items").getValuesAs(JsonObject.class).stream().mapToDouble(i -> num(i, "cost")).sum();
      out.printf(Locale.ROOT, "  %s: %d served, %d failed; cost $%.6f (the sum of its items' costs: $%.6f); keys %s%n",
          b.getString("status"), b.getInt("completed"), b.getInt("failed"), num(b, "cost_so_far"), sum, keys(b));
      if (b.getInt("failed") > 0) {
        failures += b.getInt("failed");
      }
    } catch (IOException | RuntimeException e) {
      fail("batch", e.toString());
    }
  }

  private JsonObject follow(String id) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    int lastShown = -1;
    while (true) {
      JsonObject b = client.batch(id).asJsonObject();
      int ended = b.getInt("completed") + b.getInt("failed");
      if (ended != lastShown) {
        out.printf(Locale.ROOT, "  progress: %s %d/%d ended, cost so far $%.6f%n", b.getString("status"), ended,
            b.getInt("total"), num(b, "cost_so_far"));
        lastShown = ended;
      }
      if (!b.isNull("finished_at")) {
        return b;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("batch " + id + " did not finish within 120 s");
      }
      Thread.sleep(100); // polling progress
    }
  }

  private static String keys(JsonObject batch) {
    Map<String, Long> perKey = new java.util.TreeMap<>();
    for (JsonObject i : batch.getJsonArray("items").getValuesAs(JsonObject.class)) {
      if (i.containsKey("key_id")) {
        perKey.merge(i.getString("key_id"), 1L, Long::sum);
      }
    }
    return perKey.toString();
  }

  private void fail(String task, String why) {
    failures++;
    out.println("  " + task + " failed: " + why);
  }

  private static int size(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v instanceof JsonArray a ? a.size() : v instanceof JsonObject m ? m.size() : 0;
  }

  private static double num(JsonObject o, String name) {
    return o.get(name) instanceof JsonNumber n ? n.doubleValue() : 0.0;
  }
}
