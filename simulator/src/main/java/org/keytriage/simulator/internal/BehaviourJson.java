package org.keytriage.simulator.internal;

import static org.keytriage.simulator.internal.JsonFields.bool;
import static org.keytriage.simulator.internal.JsonFields.intList;
import static org.keytriage.simulator.internal.JsonFields.number;
import static org.keytriage.simulator.internal.JsonFields.string;
import static org.keytriage.simulator.internal.JsonFields.wholeInt;
import static org.keytriage.simulator.internal.JsonFields.wholeNumber;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Set;
import org.keytriage.simulator.KeyBehaviour;

/**
 * The snake_case JSON form of a {@link KeyBehaviour}, as used in scenarios and by the admin API.
 */
public final class BehaviourJson {
  /** The behaviour settings a JSON object may carry. */
  public static final Set<String> FIELDS =
      Set.of(
          "label",
          "rpm",
          "tpm",
          "latency_ms",
          "jitter_ms",
          "error_rate",
          "error_statuses",
          "hang",
          "hang_ms",
          "revoked",
          "break_stream_after_chunks",
          "always_429",
          "stream_chunk_delay_ms");

  private BehaviourJson() {}

  /**
   * Applies the settings present in {@code json} on top of {@code base}; absent ones keep their
   * value from {@code base}. The caller checks for unknown fields.
   *
   * @throws IllegalArgumentException naming the field that is wrong
   */
  public static KeyBehaviour apply(KeyBehaviour base, JsonObject json, String where) {
    try {
      return base.toBuilder()
          .label(string(json, "label", base.label(), where))
          .rpm(wholeNumber(json, "rpm", base.rpm(), where))
          .tpm(wholeNumber(json, "tpm", base.tpm(), where))
          .latencyMs(wholeNumber(json, "latency_ms", base.latencyMs(), where))
          .jitterMs(wholeNumber(json, "jitter_ms", base.jitterMs(), where))
          .errorRate(number(json, "error_rate", base.errorRate(), where))
          .errorStatuses(intList(json, "error_statuses", base.errorStatuses(), where))
          .hang(bool(json, "hang", base.hang(), where))
          .hangMs(wholeNumber(json, "hang_ms", base.hangMs(), where))
          .revoked(bool(json, "revoked", base.revoked(), where))
          .breakStreamAfterChunks(
              wholeInt(json, "break_stream_after_chunks", base.breakStreamAfterChunks(), where))
          .always429(bool(json, "always_429", base.always429(), where))
          .streamChunkDelayMs(
              wholeNumber(json, "stream_chunk_delay_ms", base.streamChunkDelayMs(), where))
          .build();
    } catch (IllegalArgumentException e) {
      // The record's own checks name the setting but not where it sits in the document.
      String message = e.getMessage();
      throw new IllegalArgumentException(
          where == null || where.isEmpty() || message.startsWith(where)
              ? message
              : where + ": " + message,
          e);
    }
  }

  /** The JSON form, without any API key. */
  public static JsonObjectBuilder write(KeyBehaviour b) {
    JsonArrayBuilder statuses = Json.array();
    b.errorStatuses().forEach(statuses::add);
    return Json.object()
        .add("label", b.label())
        .add("rpm", b.rpm())
        .add("tpm", b.tpm())
        .add("latency_ms", b.latencyMs())
        .add("jitter_ms", b.jitterMs())
        .add("error_rate", b.errorRate())
        .add("error_statuses", statuses)
        .add("hang", b.hang())
        .add("hang_ms", b.hangMs())
        .add("revoked", b.revoked())
        .add("break_stream_after_chunks", b.breakStreamAfterChunks())
        .add("always_429", b.always429())
        .add("stream_chunk_delay_ms", b.streamChunkDelayMs());
  }
}
