package org.keytriage.web.security.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.keytriage.web.security.UserAccount;
import org.keytriage.web.security.UserAccounts;

/**
 * Checks operator names and passwords against {@code keytriage.users} (PBKDF2 hashes). An unknown
 * name still costs one PBKDF2 run, so timing does not tell which names exist; a verified pair is
 * remembered for a few minutes ({@link VerifiedPasswords}), since HTTP Basic sends it every time.
 */
@ApplicationScoped
public class OperatorLogins {
  // a well-formed hash of a random password, verified against for unknown names
  private static final String DECOY = Pbkdf2Hash.create(java.util.UUID.randomUUID().toString().toCharArray());

  @Inject UserAccounts accounts;

  private final VerifiedPasswords verified = new VerifiedPasswords(Clock.systemUTC());

  /** The account, when the password is its own. */
  public Optional<UserAccount> verify(String name, char[] password) {
    Optional<UserAccount> account = accounts.find(name);
    if (account.isEmpty()) {
      Pbkdf2Hash.verify(password, DECOY);
      return Optional.empty();
    }
    String hash = account.get().passwordHash();
    boolean ok = verified.isFresh(name, password, hash) || Pbkdf2Hash.verify(password, hash);
    if (!ok) {
      return Optional.empty();
    }
    verified.remember(name, password, hash);
    return account;
  }
}
