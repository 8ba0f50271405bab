/**
 * The run-time state of each key that is not usage: whether an administrator has it active, whether
 * it is quarantined (401/403 from the upstream), until when it cools down (429, see {@link
 * org.keytriage.core.keys.CooldownPolicy}) and its circuit breaker ({@link
 * org.keytriage.core.keys.Circuit}, driven by {@link org.keytriage.core.keys.CircuitBreakerPolicy}).
 * The state is held in a {@link org.keytriage.core.keys.KeyStateStore} so a cluster can share it;
 * the policies are pure functions of the state and a timestamp.
 */
package org.keytriage.core.keys;
