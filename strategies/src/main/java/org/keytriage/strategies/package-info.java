/**
 * KeyTriage's built-in balancing strategies. The only public type here is {@link
 * org.keytriage.strategies.BuiltInStrategies}, which names their ids; the implementations live in
 * {@code org.keytriage.strategies.internal} and are found through {@link java.util.ServiceLoader}
 * like any vendor strategy, so nothing should depend on them directly.
 */
package org.keytriage.strategies;
