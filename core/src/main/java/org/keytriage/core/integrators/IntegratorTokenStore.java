package org.keytriage.core.integrators;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.keytriage.core.events.GatewayEvents;

/**
 * Where run-time integrator tokens live. Every node reads the same store; {@link #onChange} tells a
 * node when a token was created or revoked on any node, so a revoked token is refused everywhere
 * within about a second.
 */
public interface IntegratorTokenStore extends AutoCloseable {

  /**
   * Stores a new token.
   *
   * @throws IllegalArgumentException when a token of that id or hash exists
   */
  void create(IntegratorToken token);

  /** Every token, revoked ones too, oldest first. */
  List<IntegratorToken> all();

  /**
   * Revokes the token; true when it was valid until now, false when it was already revoked.
   *
   * @throws java.util.NoSuchElementException when there is no token with that id
   */
  boolean revoke(String id, Instant at);

  /** Records when tokens last authenticated a request (batched by the caller; never waits long). */
  void touch(Map<String, Instant> lastUsed);

  /** Calls {@code listener} after a token was created or revoked, here or on another node. */
  GatewayEvents.Subscription onChange(Runnable listener);

  @Override
  default void close() {}

  /** The store of one JVM. */
  static IntegratorTokenStore inProcess() {
    return new org.keytriage.core.integrators.internal.InProcessIntegratorTokens();
  }
}
