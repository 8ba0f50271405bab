package org.keytriage.simulator.internal;

import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The assistant's answer: exactly as many words as completion tokens, picked from a fixed
 * vocabulary by a hash of the prompt, so the same prompt always gets the same answer. When JSON was
 * asked for, the same words are laid out as {@code {"summary": "...", "findings": [...]}}.
 */
public final class CompletionText {
  private static final List<String> VOCABULARY =
      List.of(
          "patient",
          "presents",
          "with",
          "stable",
          "vital",
          "signs",
          "and",
          "no",
          "acute",
          "distress",
          "findings",
          "suggest",
          "mild",
          "inflammation",
          "recommend",
          "follow-up",
          "imaging",
          "shows",
          "normal",
          "cardiac",
          "silhouette",
          "lungs",
          "are",
          "clear",
          "laboratory",
          "values",
          "within",
          "reference",
          "range",
          "history",
          "of",
          "hypertension",
          "medication",
          "reviewed",
          "dosage",
          "unchanged",
          "sequence",
          "variant",
          "detected",
          "in",
          "exon",
          "coding",
          "region",
          "likely",
          "benign",
          "report",
          "summary",
          "assessment",
          "plan",
          "monitor",
          "symptoms",
          "over",
          "next",
          "week",
          "consult",
          "specialist",
          "if",
          "worsening",
          "result",
          "confirmed",
          "by",
          "repeat",
          "test",
          "observed");

  /** Words per finding in the JSON form. */
  private static final int FINDING_WORDS = 4;

  private CompletionText() {}

  /** {@code count} words chosen by {@code promptHash}. */
  public static List<String> words(long promptHash, int count) {
    List<String> words = new ArrayList<>(count);
    long start = Math.floorMod(DeterministicDice.mix(promptHash), VOCABULARY.size());
    for (int i = 0; i < count; i++) {
      words.add(VOCABULARY.get((int) ((start + 7L * i) % VOCABULARY.size())));
    }
    return words;
  }

  /** The words as one sentence. */
  public static String plain(List<String> words) {
    return String.join(" ", words);
  }

  /**
   * The words as a JSON object: the first half in {@code summary}, the rest in {@code findings},
   * {@value #FINDING_WORDS} words per finding. Always valid JSON, whatever the count.
   */
  public static String json(List<String> words) {
    int summaryWords = (words.size() + 1) / 2;
    JsonArrayBuilder findings = Json.array();
    for (int i = summaryWords; i < words.size(); i += FINDING_WORDS) {
      findings.add(String.join(" ", words.subList(i, Math.min(words.size(), i + FINDING_WORDS))));
    }
    return Json.write(
        Json.object()
            .add("summary", String.join(" ", words.subList(0, summaryWords)))
            .add("findings", findings)
            .build());
  }

  /**
   * The content cut where a stream would send it: before each space, so that the pieces joined give
   * the content back exactly.
   */
  public static List<String> streamPieces(String content) {
    return content.isEmpty() ? List.of() : List.of(content.split("(?= )"));
  }
}
