package org.keytriage.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.audit.AuditRecord;
import org.keytriage.web.config.WebSettings;
import org.keytriage.web.engine.KeyTriageEngine;
import org.keytriage.web.security.internal.LoginThrottle;
import org.keytriage.web.security.internal.Pbkdf2Hash;
import org.keytriage.web.security.internal.VerifiedPasswords;

/**
 * Checks operator names and passwords against {@code keytriage.users} (PBKDF2 hashes), for HTTP
 * Basic and the console's form alike. An unknown name still costs one PBKDF2 run, so timing does
 * not tell which names exist; a verified pair is remembered for a few minutes ({@link
 * VerifiedPasswords}), since HTTP Basic sends it every time. Guessing is throttled ({@link
 * LoginThrottle}: by default 5 failures for a name from one address, 20 from an address or 50 for
 * a name within 15 minutes lock them for the rest of those 15 minutes; {@code
 * keytriage.login.max-failures} and {@code keytriage.login.window-minutes}), and every failed or throttled attempt is audited with the name tried and the
 * address, never the password.
 */
@ApplicationScoped
public class OperatorLogins {

  @Inject UserAccounts accounts;
  @Inject KeyTriageEngine engine;
  @Inject WebSettings settings;

  private final VerifiedPasswords verified = new VerifiedPasswords(Clock.systemUTC());
  private volatile LoginThrottle throttle;
  // a hash of a random password, verified against for unknown names, with as many iterations as
  // the costliest account: an unknown name takes as long as a known one, so timing tells nothing
  private volatile String decoy;

  @jakarta.annotation.PostConstruct
  void create() {
    throttle = new LoginThrottle(Clock.systemUTC(), settings.loginMaxFailures(), settings.loginWindow());
    int iterations = accounts.names().stream().map(n -> accounts.find(n).orElseThrow().passwordHash())
        .mapToInt(Pbkdf2Hash::iterations).max().orElse(Pbkdf2Hash.DEFAULT_ITERATIONS);
    decoy = Pbkdf2Hash.create(UUID.randomUUID().toString().toCharArray(), Math.max(1, iterations));
  }

  /** What came of one attempt to sign in. */
  public record Attempt(Optional<UserAccount> account, Duration lockedFor) {
    public boolean throttled() {
      return !lockedFor.isZero();
    }
  }

  /** The account, when the password is its own; throttling and audit are {@link #attempt}'s. */
  private Optional<UserAccount> verify(String name, char[] password) {
    Optional<UserAccount> account = accounts.find(name);
    if (account.isEmpty()) {
      Pbkdf2Hash.verify(password, decoy);
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

  /**
   * One sign-in attempt from {@code address} by {@code via} ({@code basic}, {@code console}):
   * refused unseen while the name or address is locked; failures and refusals are audited.
   */
  public Attempt attempt(String name, char[] password, String address, String via) {
    Duration locked = throttle.retryAfter(name, address);
    if (!locked.isZero()) {
      audit("login.throttled", name, address, via);
      return new Attempt(Optional.empty(), locked);
    }
    Optional<UserAccount> account = verify(name, password);
    if (account.isPresent()) {
      throttle.succeeded(name, address);
    } else {
      throttle.failed(name, address);
      audit("login.failed", name, address, via);
    }
    return new Attempt(account, Duration.ZERO);
  }

  /** A successful console sign-in or sign-out, for the audit trail. */
  public void recordSession(String action, String name, String address) {
    audit(action, name, address, "console");
  }

  /** Failures and refusals are the anonymous caller's, naming the name tried; sessions are the operator's. */
  private void audit(String action, String name, String address, String via) {
    if (!engine.isOpen()) {
      return;
    }
    String tried = name.length() > 64 ? name.substring(0, 64) + "\u2026" : name;
    String actor = action.startsWith("login.") ? "anonymous" : name;
    KeyTriage keyTriage = engine.running();
    keyTriage.audit().ifPresent(audit -> audit.recordLater(new AuditRecord(keyTriage.clock().instant(),
        actor, action, tried, Map.of("remote_address", String.valueOf(address), "via", via))));
  }
}
