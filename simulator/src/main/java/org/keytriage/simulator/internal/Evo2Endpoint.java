package org.keytriage.simulator.internal;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonObject;
import java.io.IOException;

/**
 * {@code POST /v1/biology/arc/evo2/generate}: DNA continuation. Body {@code {"sequence": "ACGT...",
 * "num_tokens": N}} (N defaults to {@value #DEFAULT_NUM_TOKENS}, at most {@value #MAX_NUM_TOKENS};
 * other sampling fields are accepted and ignored); answer {@code {"sequence": "<N nucleotides>",
 * "elapsed_ms": <simulated latency>}}. The nucleotides depend only on the input sequence. Tokens:
 * input length (prompt) plus N (completion).
 */
public final class Evo2Endpoint implements ApiEndpoint {
  public static final String PATH = "/v1/biology/arc/evo2/generate";
  public static final int DEFAULT_NUM_TOKENS = 100;
  public static final int MAX_NUM_TOKENS = 100_000;

  private static final String NUCLEOTIDES = "ACGT";

  @Override
  public String path() {
    return PATH;
  }

  @Override
  public String method() {
    return "POST";
  }

  @Override
  public Call prepare(byte[] body, SimulatorContext context) {
    String sequence;
    long numTokens;
    try {
      JsonObject root = Json.parseObject(body);
      sequence = JsonFields.string(root, "sequence", null, "");
      numTokens = JsonFields.wholeNumber(root, "num_tokens", DEFAULT_NUM_TOKENS, "");
    } catch (IllegalArgumentException e) {
      throw new BadRequest(e.getMessage());
    }
    if (sequence == null || sequence.isEmpty()) {
      throw new BadRequest("'sequence' is required");
    }
    if (!sequence.chars().allMatch(c -> "ACGTNacgtn".indexOf(c) >= 0)) {
      throw new BadRequest("'sequence' may hold only the nucleotides A, C, G, T (and N)");
    }
    if (numTokens < 1 || numTokens > MAX_NUM_TOKENS) {
      throw new BadRequest(
          "'num_tokens' must be within 1.." + MAX_NUM_TOKENS + " (was " + numTokens + ")");
    }
    String input = sequence;
    int count = (int) numTokens;
    return new Call() {
      @Override
      public long promptTokens() {
        return input.length();
      }

      @Override
      public long completionTokens() {
        return count;
      }

      @Override
      public void respond(HttpExchange exchange, ResponsePlan plan) throws IOException {
        HttpIo.sendJson(
            exchange,
            200,
            Json.object()
                .add("sequence", generate(input, count))
                .add("elapsed_ms", plan.delayMs() + (plan.hang() ? plan.hangMs() : 0))
                .build());
      }
    };
  }

  /** {@code count} nucleotides drawn from a hash of the input: same input, same output. */
  static String generate(String input, int count) {
    long seed = DeterministicDice.fnv1a(input.toUpperCase(java.util.Locale.ROOT));
    StringBuilder out = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      out.append(NUCLEOTIDES.charAt((int) (DeterministicDice.mix(seed + i) >>> 62)));
    }
    return out.toString();
  }
}
