/**
 * The balancing-strategy contract suite (TCK), published in this module's test-jar. A vendor
 * extends {@link org.keytriage.strategies.tck.BalancingStrategyContract} with its factory to check
 * that its strategy keeps the {@link org.keytriage.spi.BalancingStrategy} contract.
 */
package org.keytriage.strategies.tck;
