package org.keytriage.core.cluster.internal;

import com.hazelcast.core.HazelcastInstance;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** The application server's own Hazelcast instance, from JNDI ({@code payara/Hazelcast}). */
public final class JndiInstance {
  private JndiInstance() {}

  /**
   * @throws IllegalStateException when nothing, or no Hazelcast instance, is bound at the name
   */
  public static HazelcastInstance lookup(String jndiName) {
    Object found;
    try {
      found = new InitialContext().lookup(jndiName);
    } catch (NamingException e) {
      throw new IllegalStateException(notFound(jndiName, e.toString()), e);
    }
    if (found instanceof HazelcastInstance hz) {
      return hz;
    }
    throw new IllegalStateException(
        notFound(jndiName, "found " + (found == null ? "null" : found.getClass().getName())));
  }

  private static String notFound(String jndiName, String problem) {
    return "No Hazelcast instance at JNDI name '" + jndiName + "' (" + problem + "). On Payara, enable"
        + " the data grid (it is on by default; --nocluster turns it off) or set"
        + " keytriage.cluster.jndi-name; outside an application server use"
        + " keytriage.cluster.mode=embedded or client.";
  }
}
