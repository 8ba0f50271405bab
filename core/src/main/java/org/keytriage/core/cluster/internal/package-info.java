/**
 * The Hazelcast implementations behind {@link org.keytriage.core.cluster.ClusterBackends}: the
 * ledger and its entry processors, the key-state store and its compare-and-swap, the DEGRADE
 * wrappers, and the embedded member, client and JNDI instance sources. Not API.
 */
package org.keytriage.core.cluster.internal;
