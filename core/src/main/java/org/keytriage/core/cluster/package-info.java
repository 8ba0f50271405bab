/**
 * Cluster-consistent limits: the backends that let several KeyTriage nodes share one set of keys
 * as if they were one gateway.
 *
 * <ul>
 *   <li>{@link org.keytriage.core.cluster.ClusterSettings} (immutable, builder, documented
 *       defaults) chooses where the grid comes from ({@link org.keytriage.core.cluster.ClusterMode}:
 *       none, an embedded member, a client, the server's own via JNDI) and what happens when it
 *       does not answer ({@link org.keytriage.core.cluster.FailureMode}).
 *   <li>{@link org.keytriage.core.cluster.ClusterBackends} creates the usage ledger, the key-state
 *       store, the budget spend store and the metrics counter exchange on it and hands them to
 *       {@link org.keytriage.core.KeyTriage.Builder}.
 *   <li>{@link org.keytriage.core.cluster.MaxUsageMergePolicy} heals a split brain without ever
 *       lowering recorded usage.
 * </ul>
 *
 * <p>How limits hold: each ledger decision is the same {@link
 * org.keytriage.core.ledger.LedgerOperation} the in-process ledger runs, executed as one entry
 * processor on the partition owner of the key's window; a synchronous backup receives the resulting
 * window before the caller gets the answer, so a member's death loses no counter. See {@code
 * docs/cluster.md} for the failure behaviour.
 *
 * <p>Hazelcast is a {@code provided} dependency: on Payara the server has it; a library user adds
 * {@code com.hazelcast:hazelcast} for embedded or client mode. In process nothing here loads it.
 */
package org.keytriage.core.cluster;
