package org.keytriage.web.console;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Set;
import org.keytriage.web.security.Roles;

/**
 * The operator signed in to this browser session: name and roles, set by {@link LoginView} after
 * the password was verified. Pages ask {@link #isAdmin()} to show change buttons; the change
 * methods themselves call {@link #requireAdmin()}, so a request forged from an ops session is
 * refused on the server.
 */
@Named("operator")
@SessionScoped
public class ConsoleSession implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The session attribute the console's filter looks for; set only together with the bean. */
  public static final String SIGNED_IN = "keytriage.console.operator";

  private String name;
  private Set<String> roles = Set.of();

  void signIn(String operator, Set<String> operatorRoles) {
    this.name = operator;
    this.roles = Set.copyOf(operatorRoles);
  }

  public boolean isSignedIn() {
    return name != null;
  }

  public String getName() {
    return name;
  }

  public boolean isAdmin() {
    return roles.contains(Roles.ADMIN);
  }

  /** Who to record as the actor of a change. */
  public String actor() {
    requireSignedIn();
    return name;
  }

  /**
   * @throws ConsoleRefusal when the operator may not change anything (an ops account, or nobody)
   */
  public String requireAdmin() {
    requireSignedIn();
    if (!isAdmin()) {
      throw new ConsoleRefusal("Only an admin may change this; " + name + " signed in with the ops role, which reads only.");
    }
    return name;
  }

  private void requireSignedIn() {
    if (name == null) {
      throw new ConsoleRefusal("Sign in first.");
    }
  }
}
