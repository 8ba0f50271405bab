package org.keytriage.web.security;

/** The operator roles. An {@link #ADMIN} may do everything an {@link #OPS} user may. */
public final class Roles {
  /** Changes keys and routing; reads everything. */
  public static final String ADMIN = "admin";

  /** Reads keys, metrics, health, advice and routing. */
  public static final String OPS = "ops";

  private Roles() {}
}
