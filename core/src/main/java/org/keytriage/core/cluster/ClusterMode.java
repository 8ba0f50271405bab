package org.keytriage.core.cluster;

/** Where the Hazelcast instance behind the cluster backends comes from. */
public enum ClusterMode {
  /**
   * No grid: the in-process ledger and key-state store of one JVM. The default; needs no Hazelcast
   * jar on the class path.
   */
  IN_PROCESS,
  /**
   * Library mode: KeyTriage starts its own Hazelcast member in this JVM and joins the members
   * listed in {@link ClusterSettings#members()} over TCP-IP (never multicast).
   */
  EMBEDDED,
  /** A client of an external Hazelcast cluster at {@link ClusterSettings#members()}. */
  CLIENT,
  /**
   * The application server's own data grid, looked up at {@link ClusterSettings#jndiName()}
   * ({@code payara/Hazelcast} on Payara). KeyTriage never shuts that instance down.
   */
  JNDI
}
