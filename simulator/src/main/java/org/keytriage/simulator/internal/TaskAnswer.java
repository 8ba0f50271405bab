package org.keytriage.simulator.internal;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON answer in the shape a KeyTriage task handler asks for, chosen by the {@code Task: <id>}
 * line of the system prompt. The answer's words are spread over the shape's text fields in order,
 * so the word count stays the completion token count; fixed vocabulary (a risk category, a
 * confidence, a significance) is picked by the prompt hash and is not counted. An unknown task gets
 * no shaped answer (the caller falls back to {@link CompletionText#json}).
 */
final class TaskAnswer {
  private static final int ITEM_WORDS = 4;
  private static final int MAX_VARIANTS = 20;
  private static final Pattern VARIANT = Pattern.compile("gene=(\\S+) rsid=(\\S+)");
  private static final List<String> RISK = List.of("low", "moderate", "high");
  private static final List<String> CONFIDENCE = List.of("low", "moderate", "high");
  private static final List<String> SIGNIFICANCE =
      List.of("benign", "likely benign", "uncertain", "risk factor", "drug response");

  private TaskAnswer() {}

  /** The task-shaped JSON text, or empty when {@code task} has no known shape. */
  static Optional<String> json(String task, List<String> words, long hash, String userText) {
    JsonObjectBuilder out = Json.object();
    switch (task) {
      case "medical_text_analysis" -> {
        List<List<String>> p = split(words, 3);
        out.add("summary", text(p.get(0))).add("symptoms", items(p.get(1)))
            .add("findings", items(p.get(2)));
      }
      case "diagnostic_report_generation" -> {
        List<List<String>> p = split(words, 4);
        out.add("summary", text(p.get(0))).add("findings", items(p.get(1)))
            .add("impression", text(p.get(2))).add("recommendations", items(p.get(3)));
      }
      case "genomics_analysis" -> {
        List<List<String>> p = split(words, 2);
        out.add("summary", text(p.get(0)))
            .add("variant_interpretations", variants(p.get(1), hash, userText))
            .add("risk_category", pick(RISK, hash));
      }
      case "streaming_insights" -> {
        List<List<String>> p = split(words, 2);
        out.add("insight", text(p.get(0))).add("alerts", items(p.get(1)));
      }
      case "batch_processing" -> {
        List<List<String>> p = split(words, 2);
        out.add("summary", text(p.get(0))).add("key_points", items(p.get(1)));
      }
      case "multimodal_fusion" -> {
        List<List<String>> p = split(words, 5);
        out.add("assessment", text(p.get(0)))
            .add("modality_findings", Json.object().add("imaging", text(p.get(1)))
                .add("wearable", text(p.get(2))).add("genomics", text(p.get(3))))
            .add("confidence", pick(CONFIDENCE, hash >>> 8))
            .add("recommendations", items(p.get(4)));
      }
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(Json.write(out.build()));
  }

  /** One interpretation per {@code gene=… rsid=…} in the prompt (or one unnamed), words shared. */
  private static JsonArrayBuilder variants(List<String> words, long hash, String userText) {
    List<String[]> named = new ArrayList<>();
    Matcher m = VARIANT.matcher(userText == null ? "" : userText);
    while (m.find() && named.size() < MAX_VARIANTS) {
      named.add(new String[] {m.group(1), m.group(2)});
    }
    if (named.isEmpty()) {
      named.add(new String[] {"", ""});
    }
    List<List<String>> shares = split(words, named.size());
    JsonArrayBuilder out = Json.array();
    for (int i = 0; i < named.size(); i++) {
      out.add(Json.object().add("gene", named.get(i)[0]).add("rsid", named.get(i)[1])
          .add("significance", pick(SIGNIFICANCE, hash + i))
          .add("interpretation", text(shares.get(i))));
    }
    return out;
  }

  /** {@code words} cut into {@code n} consecutive parts, the first ones one word longer. */
  static List<List<String>> split(List<String> words, int n) {
    List<List<String>> parts = new ArrayList<>(n);
    int base = words.size() / n;
    int extra = words.size() % n;
    int from = 0;
    for (int i = 0; i < n; i++) {
      int to = from + base + (i < extra ? 1 : 0);
      parts.add(words.subList(from, to));
      from = to;
    }
    return parts;
  }

  private static String text(List<String> words) {
    return String.join(" ", words);
  }

  private static JsonArrayBuilder items(List<String> words) {
    JsonArrayBuilder out = Json.array();
    for (int i = 0; i < words.size(); i += ITEM_WORDS) {
      out.add(text(words.subList(i, Math.min(words.size(), i + ITEM_WORDS))));
    }
    return out;
  }

  private static String pick(List<String> options, long hash) {
    return options.get(Math.floorMod(DeterministicDice.mix(hash), options.size()));
  }
}
