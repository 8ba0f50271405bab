package org.keytriage.core.integrators;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An integrator token created at run time, as stored: never the token itself, only its SHA-256.
 *
 * @param id the token's id (for listing and revoking; not a secret)
 * @param name the integrator's name, as requests, the request log and spend report it
 * @param taskTypes the task types it may use; {@code *} for all
 * @param tokenSha256 the SHA-256 of the token, 64 lower-case hex digits
 * @param createdAt when it was created
 * @param createdBy the operator who created it
 * @param expiresAt when it stops working; null for never
 * @param lastUsedAt when it last authenticated a request (kept to about a minute); null for never
 * @param revokedAt when it was revoked; null while it is not
 */
public record IntegratorToken(
    String id,
    String name,
    Set<String> taskTypes,
    String tokenSha256,
    Instant createdAt,
    String createdBy,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant revokedAt) {

  public IntegratorToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    taskTypes = Set.copyOf(taskTypes);
    Objects.requireNonNull(tokenSha256, "tokenSha256");
    if (!tokenSha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("tokenSha256 must be 64 lower-case hex digits");
    }
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(createdBy, "createdBy");
  }

  /** Whether it authenticates requests at {@code now}: not revoked, not expired. */
  public boolean validAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }

  public Optional<Instant> expiry() {
    return Optional.ofNullable(expiresAt);
  }
}
