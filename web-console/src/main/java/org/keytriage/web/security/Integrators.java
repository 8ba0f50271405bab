package org.keytriage.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.keytriage.core.integrators.IntegratorToken;
import org.keytriage.web.errors.ApiException;

/**
 * The configured integrators, from {@code keytriage.integrators}:
 *
 * <pre>
 * keytriage.integrators=ehr:3f79bb7b…(64 hex):medical_text_analysis|diagnostic_report_generation,batch-etl:9a0c…:batch_processing,lab:…:*
 * </pre>
 *
 * <p>Entries are separated by commas; each is {@code name:sha256hex:task|task|…}, where {@code *}
 * allows every task type. Only the SHA-256 of a token is configured (make one with {@code printf
 * %s "$TOKEN" | sha256sum}); the token itself stays with the integrator. Thread-safe, immutable.
 */
public final class Integrators {
  private static final String BEARER = "bearer ";

  private final List<Integrator> configured;
  // tokens created at run time (valid ones only), swapped whole when the store changes
  private volatile List<Integrator> runTime = List.of();
  private final Map<String, Instant> lastUse = new ConcurrentHashMap<>();
  private final Clock clock;

  private Integrators(List<Integrator> configured, Clock clock) {
    this.configured = List.copyOf(configured);
    this.clock = clock;
  }

  /**
   * Parses the property value; blank means no integrators.
   *
   * @throws IllegalArgumentException naming the entry (by position and name) and what is wrong,
   *     never its hash
   */
  public static Integrators parse(String value) {
    List<Integrator> out = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    if (value == null || value.isBlank()) {
      return new Integrators(out, Clock.systemUTC());
    }
    String[] entries = value.split(",");
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].trim();
      if (entry.isEmpty()) {
        continue;
      }
      String[] parts = entry.split(":", -1);
      String where = "keytriage.integrators entry " + (i + 1);
      if (parts.length != 3) {
        throw new IllegalArgumentException(where + " must be name:sha256hex:task|task (3 parts separated by ':'), it has "
            + parts.length + " part(s)");
      }
      String name = parts[0].trim();
      if (name.isEmpty()) {
        throw new IllegalArgumentException(where + " has an empty name");
      }
      where += " ('" + name + "')";
      if (!names.add(name)) {
        throw new IllegalArgumentException(where + ": the name is used twice");
      }
      byte[] hash;
      try {
        String hex = parts[1].trim();
        if (hex.length() != 64) {
          throw new IllegalArgumentException();
        }
        hash = HexFormat.of().parseHex(hex);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": the token hash must be 64 hex digits (the SHA-256 of the token,"
            + " e.g. printf %s \"$TOKEN\" | sha256sum)");
      }
      Set<String> tasks = new LinkedHashSet<>();
      for (String t : parts[2].split("\\|")) {
        if (!t.isBlank()) {
          tasks.add(t.trim());
        }
      }
      if (tasks.isEmpty()) {
        throw new IllegalArgumentException(where + " lists no task type; use * for all");
      }
      out.add(new Integrator(name, hash, tasks));
    }
    return new Integrators(out, Clock.systemUTC());
  }

  /**
   * Takes the tokens created at run time that are valid now (revoked and expired ones are left
   * out), in place of the ones taken before.
   *
   * @throws IllegalArgumentException when one has the name of a configured integrator
   */
  public void useRunTime(List<IntegratorToken> tokens) {
    Instant now = clock.instant();
    List<Integrator> valid = new ArrayList<>();
    for (IntegratorToken t : tokens) {
      if (t.validAt(now)) {
        valid.add(new Integrator(t.name(), HexFormat.of().parseHex(t.tokenSha256()), t.taskTypes(), t.id(),
            t.expiresAt()));
      }
    }
    runTime = List.copyOf(valid);
  }

  /** The run-time tokens' last uses since the last call, for the store. */
  public Map<String, Instant> takeLastUses() {
    Map<String, Instant> taken = new java.util.HashMap<>();
    for (String id : List.copyOf(lastUse.keySet())) {
      Instant at = lastUse.remove(id);
      if (at != null) {
        taken.put(id, at);
      }
    }
    return taken;
  }

  /** Whether an integrator of the configuration has this name. */
  public boolean isConfigured(String name) {
    return configured.stream().anyMatch(i -> i.name().equals(name));
  }

  /**
   * The integrator whose token this is. Compares the token's SHA-256 with every configured hash in
   * constant time and without stopping early, so the answer's timing says nothing about which
   * hash, or how much of one, matched.
   */
  public Optional<Integrator> authenticate(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    byte[] presented = sha256(token);
    Integrator found = null;
    for (Integrator candidate : configured) {
      if (MessageDigest.isEqual(presented, candidate.hashForComparison()) && found == null) {
        found = candidate;
      }
    }
    for (Integrator candidate : runTime) {
      if (MessageDigest.isEqual(presented, candidate.hashForComparison()) && found == null) {
        found = candidate;
      }
    }
    if (found != null && found.tokenId().isPresent()) {
      Instant now = clock.instant();
      if (!found.validAt(now)) {
        return Optional.empty(); // expired since the list was taken
      }
      lastUse.put(found.tokenId().get(), now);
    }
    return Optional.ofNullable(found);
  }

  /**
   * The integrator an {@code Authorization} header names by its Bearer token.
   *
   * @throws ApiException 401 asking for a Bearer token when there is none, or it is not valid
   */
  public Integrator bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw ApiException.unauthorized("Bearer", "missing_integrator_token",
          "Send your integrator token as Authorization: Bearer <token> (an OpenAI SDK sends its API key that way).");
    }
    return authenticate(authorization.substring(BEARER.length()).trim())
        .orElseThrow(() -> ApiException.unauthorized("Bearer", "invalid_integrator_token",
            "The integrator token is not valid; ask the KeyTriage administrator for one."));
  }

  /** The integrators of the configuration, then the valid run-time ones. */
  public List<Integrator> all() {
    List<Integrator> both = new ArrayList<>(configured);
    both.addAll(runTime);
    return both;
  }

  public boolean isEmpty() {
    return configured.isEmpty() && runTime.isEmpty();
  }

  /** The SHA-256 of the token's UTF-8 bytes. */
  public static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The hex SHA-256 of a token, as {@code keytriage.integrators} wants it. */
  public static String sha256Hex(String token) {
    return HexFormat.of().formatHex(sha256(token));
  }
}
