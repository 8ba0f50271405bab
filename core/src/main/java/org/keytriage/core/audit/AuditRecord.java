package org.keytriage.core.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What happened, before it is sealed into the chain. Never a secret (give masked forms), a prompt
 * or an answer.
 *
 * @param at when, kept to the millisecond (what every database stores exactly)
 * @param actor who: an operator's login, {@code gateway} for the engine's own acts, {@code
 *     library} for a Java program
 * @param action what, as {@code noun.verb}: {@code key.added}, {@code key.penalised}, {@code
 *     login.failed}, {@code config.loaded}, …
 * @param target what it was done to (a key id, a task type, a login); empty when none
 * @param details the rest as names and values (reason, before, after, …), sorted by name
 */
public record AuditRecord(Instant at, String actor, String action, String target, Map<String, String> details) {

  public AuditRecord {
    at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    target = target == null ? "" : target;
    TreeMap<String, String> sorted = new TreeMap<>();
    if (details != null) {
      details.forEach((k, v) -> sorted.put(Objects.requireNonNull(k, "detail name"), v == null ? "" : v));
    }
    details = java.util.Collections.unmodifiableSortedMap(sorted);
  }
}
