package org.keytriage.web.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keytriage.web.security.internal.Pbkdf2Hash;

/**
 * The operator accounts, from {@code keytriage.users}:
 *
 * <pre>
 * keytriage.users=alice:admin:PBKDF2WithHmacSHA256:600000:c2FsdA==:aGFzaA==,bob:ops:PBKDF2WithHmacSHA256:…
 * </pre>
 *
 * <p>Entries are separated by commas; each is {@code name:role|role:hash}, the hash being what
 * {@code ./keytriage hash-password} prints (the same format as Jakarta Security's {@code
 * Pbkdf2PasswordHash}: {@code algorithm:iterations:salt:hash}, base64). Roles are {@value
 * Roles#ADMIN} and {@value Roles#OPS}. Immutable.
 */
public final class UserAccounts {
  private final Map<String, UserAccount> byName;

  private UserAccounts(Map<String, UserAccount> byName) {
    this.byName = Map.copyOf(byName);
  }

  /**
   * Parses the property value; blank means no accounts.
   *
   * @throws IllegalArgumentException naming the entry and what is wrong, never its hash
   */
  public static UserAccounts parse(String value) {
    Map<String, UserAccount> out = new LinkedHashMap<>();
    if (value == null || value.isBlank()) {
      return new UserAccounts(out);
    }
    String[] entries = value.split(",");
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].trim();
      if (entry.isEmpty()) {
        continue;
      }
      String[] parts = entry.split(":", 3);
      String where = "keytriage.users entry " + (i + 1);
      if (parts.length != 3 || parts[0].isBlank()) {
        throw new IllegalArgumentException(where + " must be name:role|role:PBKDF2 hash");
      }
      String name = parts[0].trim();
      where += " ('" + name + "')";
      Set<String> roles = new LinkedHashSet<>();
      for (String r : parts[1].split("\\|")) {
        if (!r.isBlank()) {
          roles.add(r.trim());
        }
      }
      List<String> unknown = new ArrayList<>(roles);
      unknown.removeAll(Set.of(Roles.ADMIN, Roles.OPS));
      if (roles.isEmpty() || !unknown.isEmpty()) {
        throw new IllegalArgumentException(where + ": roles must be " + Roles.ADMIN + " and/or " + Roles.OPS
            + (unknown.isEmpty() ? "" : ", not " + unknown));
      }
      String hash = parts[2].trim();
      if (!Pbkdf2Hash.isWellFormed(hash)) {
        throw new IllegalArgumentException(where + ": the password hash must look like"
            + " PBKDF2WithHmacSHA256:<iterations>:<salt base64>:<hash base64> (make one with ./keytriage hash-password)");
      }
      if (out.put(name, new UserAccount(name, roles, hash)) != null) {
        throw new IllegalArgumentException(where + ": the name is used twice");
      }
    }
    return new UserAccounts(out);
  }

  public Optional<UserAccount> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public boolean isEmpty() {
    return byName.isEmpty();
  }

  public Set<String> names() {
    return byName.keySet();
  }
}
