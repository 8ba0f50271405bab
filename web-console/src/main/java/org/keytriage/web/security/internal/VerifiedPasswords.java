package org.keytriage.web.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for {@value #TTL_MINUTES} minutes, that a name and password verified, so HTTP Basic
 * (credentials on every request) does not pay a 600 000-iteration PBKDF2 per request. Keyed by a
 * salted SHA-256 of name and password with a per-process random salt: what is kept is no use
 * outside this process. At most {@value #MAX_ENTRIES} entries; full means no caching.
 */
public final class VerifiedPasswords {
  static final long TTL_MINUTES = 5;
  static final int MAX_ENTRIES = 1000;

  private final Map<String, Long> expiries = new ConcurrentHashMap<>();
  private final byte[] salt = new byte[32];
  private final Clock clock;

  public VerifiedPasswords(Clock clock) {
    this.clock = clock;
    new java.security.SecureRandom().nextBytes(salt);
  }

  public boolean isFresh(String name, char[] password, String hash) {
    String key = key(name, password, hash);
    Long until = expiries.get(key);
    if (until == null) {
      return false;
    }
    if (until < clock.millis()) {
      expiries.remove(key);
      return false;
    }
    return true;
  }

  public void remember(String name, char[] password, String hash) {
    if (expiries.size() >= MAX_ENTRIES) {
      long now = clock.millis();
      expiries.values().removeIf(until -> until < now);
      if (expiries.size() >= MAX_ENTRIES) {
        return;
      }
    }
    expiries.put(key(name, password, hash), clock.millis() + Duration.ofMinutes(TTL_MINUTES).toMillis());
  }

  private String key(String name, char[] password, String hash) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(salt);
      d.update(name.getBytes(StandardCharsets.UTF_8));
      d.update((byte) 0);
      d.update(new String(password).getBytes(StandardCharsets.UTF_8));
      d.update((byte) 0);
      // the stored hash too: a changed password invalidates what was remembered
      d.update(hash.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
