package org.keytriage.web.security;

import java.util.Objects;
import java.util.Set;

/**
 * An operator account: name, roles and the PBKDF2 hash of the password.
 *
 * @param passwordHash {@code PBKDF2WithHmacSHA256:<iterations>:<salt base64>:<hash base64>}
 */
public record UserAccount(String name, Set<String> roles, String passwordHash) {
  public UserAccount {
    Objects.requireNonNull(name, "name");
    roles = Set.copyOf(roles);
    Objects.requireNonNull(passwordHash, "passwordHash");
  }

  /** The name and roles only. */
  @Override
  public String toString() {
    return "UserAccount[" + name + ", roles=" + roles + "]";
  }
}
