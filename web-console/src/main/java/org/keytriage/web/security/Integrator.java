package org.keytriage.web.security;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A system allowed to call {@code /v1}: its name, the SHA-256 of its token and the task types it
 * may use ({@code *} = all).
 */
public final class Integrator {
  /** The scope entry that allows every task type. */
  public static final String ALL_TASK_TYPES = "*";

  private final String name;
  private final byte[] tokenSha256;
  private final Set<String> taskTypes;
  private final String tokenId;
  private final java.time.Instant expiresAt;

  /** An integrator of {@code keytriage.integrators}: no id, no expiry. */
  public Integrator(String name, byte[] tokenSha256, Set<String> taskTypes) {
    this(name, tokenSha256, taskTypes, null, null);
  }

  /**
   * @param tokenId the run-time token's id; null for one of the configuration
   * @param expiresAt when the token stops working; null for never
   */
  public Integrator(String name, byte[] tokenSha256, Set<String> taskTypes, String tokenId, java.time.Instant expiresAt) {
    this.name = Objects.requireNonNull(name, "name");
    if (tokenSha256 == null || tokenSha256.length != 32) {
      throw new IllegalArgumentException("tokenSha256 must be 32 bytes");
    }
    this.tokenSha256 = tokenSha256.clone();
    this.taskTypes = Set.copyOf(taskTypes);
    this.tokenId = tokenId;
    this.expiresAt = expiresAt;
  }

  /** The run-time token's id; empty for an integrator of the configuration. */
  public java.util.Optional<String> tokenId() {
    return java.util.Optional.ofNullable(tokenId);
  }

  /** Whether the token still works at {@code now}. */
  public boolean validAt(java.time.Instant now) {
    return expiresAt == null || now.isBefore(expiresAt);
  }

  public String name() {
    return name;
  }

  /** The token's SHA-256; a copy. */
  public byte[] tokenSha256() {
    return tokenSha256.clone();
  }

  byte[] hashForComparison() {
    return tokenSha256;
  }

  /** The task types in scope, as configured ({@code *} for all). */
  public Set<String> taskTypes() {
    return taskTypes;
  }

  public boolean mayUse(String taskType) {
    return taskTypes.contains(ALL_TASK_TYPES) || taskTypes.contains(taskType);
  }

  /** The scope for messages: "every task type" or the sorted list. */
  public String describeScope() {
    return taskTypes.contains(ALL_TASK_TYPES) ? "every task type" : String.join(", ", new TreeSet<>(taskTypes));
  }

  /** The name and scope only: the hash is not for logs. */
  @Override
  public String toString() {
    return "Integrator[" + name + ", task types: " + describeScope() + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Integrator i && i.name.equals(name) && Arrays.equals(i.tokenSha256, tokenSha256)
        && i.taskTypes.equals(taskTypes);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }
}
