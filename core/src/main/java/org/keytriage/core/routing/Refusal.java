package org.keytriage.core.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Why the router could place a request on no key: each candidate key passed over with its reason,
 * when capacity frees next, and the last upstream failure when failover had tried keys. A fact,
 * not a sentence: the edge, metrics and the console read its fields; {@link #describe()} renders
 * it for people once.
 *
 * @param taskType the request's task type
 * @param servingKeys keys configured for the task type (specialised and backups); 0 means no key
 *     serves it at all
 * @param candidates each key passed over and why, in routing order
 * @param nextCapacity when the earliest passed-over key may take a request again; null when
 *     unknown (e.g. every key is inactive)
 * @param lastFailure the last upstream failure of this request ({@code key k: HTTP 503}); null when
 *     no key was called
 */
public record Refusal(
    String taskType,
    int servingKeys,
    List<Candidate> candidates,
    Duration nextCapacity,
    String lastFailure) {

  /** Why one key was passed over. */
  public enum Reason {
    AT_LIMITS("at its rate limits", "at their rate limits"),
    COOLING_DOWN("cooling down after a 429", "cooling down after a 429"),
    INACTIVE("inactive", "inactive"),
    QUARANTINED("quarantined (credentials rejected)", "quarantined (credentials rejected)"),
    ALREADY_TRIED("already failed for this request", "already failed for this request"),
    CIRCUIT_OPEN("circuit open after repeated failures", "circuit open after repeated failures"),
    PROBE_IN_FLIGHT("half-open with its one probe in flight", "half-open with their one probe in flight"),
    OVER_BUDGET("over budget", "over budget"),
    TOO_LARGE("too small for the request's token estimate", "too small for the request's token estimate");

    private final String one;
    private final String many;

    Reason(String one, String many) {
      this.one = one;
      this.many = many;
    }

    String describe(int n) {
      return n + " " + (n == 1 ? one : many);
    }
  }

  /** One key passed over. */
  public record Candidate(String keyId, Reason reason) {
    public Candidate {
      Objects.requireNonNull(keyId, "keyId");
      Objects.requireNonNull(reason, "reason");
    }
  }

  public Refusal {
    Objects.requireNonNull(taskType, "taskType");
    candidates = List.copyOf(candidates);
  }

  /** No key is configured for the task type. */
  public static Refusal noKeyServes(String taskType) {
    return new Refusal(taskType, 0, List.of(), null, null);
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(nextCapacity);
  }

  /** How many candidates were passed over for each reason, in the reasons' order. */
  public Map<Reason, Integer> counts() {
    Map<Reason, Integer> counts = new EnumMap<>(Reason.class);
    candidates.forEach(c -> counts.merge(c.reason(), 1, Integer::sum));
    return counts;
  }

  /** The same refusal, after failover called keys and the last one failed so. */
  public Refusal withLastFailure(String failure) {
    return new Refusal(taskType, servingKeys, candidates, nextCapacity, failure);
  }

  /** What a person reads: what happened to each kind of key, when to retry, what to check. */
  public String describe() {
    StringBuilder b = new StringBuilder("No available API key for task: ").append(taskType).append(". ");
    if (servingKeys == 0) {
      return b.append("No key serves it: add a key with \"").append(taskType)
          .append("\" in task_types, or a backup key (is_backup: true)").toString();
    }
    List<String> why = new ArrayList<>();
    counts().forEach((reason, n) -> why.add(reason.describe(n)));
    b.append(servingKeys).append(servingKeys == 1 ? " key serves it: " : " keys serve it: ")
        .append(String.join(", ", why));
    if (nextCapacity != null) {
      b.append("; capacity frees in ").append(Math.max(1, (nextCapacity.toMillis() + 999) / 1000)).append(" s");
    }
    b.append(". Check key configuration, verify keys are active, check rate limits");
    if (lastFailure != null) {
      b.append(". Last upstream failure: ").append(lastFailure).append('.');
    }
    return b.toString();
  }
}
