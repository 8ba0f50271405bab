package org.keytriage.web.security.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Clock;
import java.util.Optional;
import org.keytriage.web.security.UserAccount;
import org.keytriage.web.security.UserAccounts;

/**
 * Validates operator names and passwords against {@code keytriage.users} (PBKDF2 hashes) and
 * returns the account's roles as its groups. An unknown name still costs one PBKDF2 run, so timing
 * does not tell which names exist.
 */
@ApplicationScoped
public class ConfiguredIdentityStore implements IdentityStore {
  // a well-formed hash of a random password, verified against for unknown names
  private static final String DECOY = Pbkdf2Hash.create(java.util.UUID.randomUUID().toString().toCharArray());

  @Inject UserAccounts accounts;

  private final VerifiedPasswords verified = new VerifiedPasswords(Clock.systemUTC());

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    String name = login.getCaller();
    char[] password = login.getPassword().getValue();
    Optional<UserAccount> account = accounts.find(name);
    if (account.isEmpty()) {
      Pbkdf2Hash.verify(password, DECOY);
      return CredentialValidationResult.INVALID_RESULT;
    }
    String hash = account.get().passwordHash();
    boolean ok = verified.isFresh(name, password, hash) || Pbkdf2Hash.verify(password, hash);
    if (!ok) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    verified.remember(name, password, hash);
    return new CredentialValidationResult(name, account.get().roles());
  }
}
