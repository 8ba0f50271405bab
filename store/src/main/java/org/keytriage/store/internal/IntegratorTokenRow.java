package org.keytriage.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.TreeSet;
import org.keytriage.core.integrators.IntegratorToken;

/** A row of {@code kt_integrator_token}. */
@Entity
@Table(name = "kt_integrator_token")
public class IntegratorTokenRow {
  @Id
  String id;

  String name;

  /** The task types joined by {@code |}. */
  @Column(name = "task_types")
  String taskTypes;

  @Column(name = "token_sha256")
  String tokenSha256;

  @Column(name = "created_at_ms")
  long createdAtMs;

  @Column(name = "created_by")
  String createdBy;

  @Column(name = "expires_at_ms")
  Long expiresAtMs;

  @Column(name = "last_used_at_ms")
  Long lastUsedAtMs;

  @Column(name = "revoked_at_ms")
  Long revokedAtMs;

  @Column(name = "updated_at_ms")
  long updatedAtMs;

  protected IntegratorTokenRow() {}

  static IntegratorTokenRow of(IntegratorToken t, long now) {
    IntegratorTokenRow row = new IntegratorTokenRow();
    row.id = t.id();
    row.name = t.name();
    row.taskTypes = String.join("|", new TreeSet<>(t.taskTypes()));
    row.tokenSha256 = t.tokenSha256();
    row.createdAtMs = t.createdAt().toEpochMilli();
    row.createdBy = t.createdBy();
    row.expiresAtMs = millis(t.expiresAt());
    row.lastUsedAtMs = millis(t.lastUsedAt());
    row.revokedAtMs = millis(t.revokedAt());
    row.updatedAtMs = now;
    return row;
  }

  IntegratorToken toToken() {
    return new IntegratorToken(id, name, new LinkedHashSet<>(Arrays.asList(taskTypes.split("\\|"))),
        tokenSha256.trim(), Instant.ofEpochMilli(createdAtMs), createdBy, instant(expiresAtMs), instant(lastUsedAtMs),
        instant(revokedAtMs));
  }

  private static Long millis(Instant i) {
    return i == null ? null : i.toEpochMilli();
  }

  private static Instant instant(Long ms) {
    return ms == null ? null : Instant.ofEpochMilli(ms);
  }
}
