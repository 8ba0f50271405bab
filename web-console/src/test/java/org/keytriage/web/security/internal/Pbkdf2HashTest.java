package org.keytriage.web.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Pbkdf2HashTest {

  @Test
  void aHashVerifiesItsPasswordOnly() {
    String hash = Pbkdf2Hash.create("correct horse".toCharArray(), 2000);
    assertThat(hash).startsWith("PBKDF2WithHmacSHA256:2000:");
    assertThat(Pbkdf2Hash.verify("correct horse".toCharArray(), hash)).isTrue();
    assertThat(Pbkdf2Hash.verify("correct hors".toCharArray(), hash)).isFalse();
  }

  @Test
  void saltsDiffer() {
    assertThat(Pbkdf2Hash.create("x".toCharArray(), 1000)).isNotEqualTo(Pbkdf2Hash.create("x".toCharArray(), 1000));
  }

  @Test
  void readsJakartaSecuritysFormatIncludingOtherDigests() {
    // the same layout Pbkdf2PasswordHash writes: algorithm:iterations:salt:hash, base64
    assertThat(Pbkdf2Hash.isWellFormed("PBKDF2WithHmacSHA512:1024:c2FsdHNhbHQ=:aGFzaGhhc2g=")).isTrue();
    assertThat(Pbkdf2Hash.isWellFormed("PBKDF2WithHmacMD5:1024:c2FsdA==:aGFzaA==")).isFalse();
    assertThat(Pbkdf2Hash.isWellFormed("PBKDF2WithHmacSHA256:0:c2FsdA==:aGFzaA==")).isFalse();
    assertThat(Pbkdf2Hash.isWellFormed("PBKDF2WithHmacSHA256:1000:not base64!:aGFzaA==")).isFalse();
    assertThat(Pbkdf2Hash.verify("x".toCharArray(), "garbage")).isFalse();
  }

  @Test
  void verifiedPasswordsAreRememberedForAWhileOnly() {
    java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(1_000_000);
    java.time.Clock clock = new java.time.Clock() {
      @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
      @Override public java.time.Clock withZone(java.time.ZoneId z) { return this; }
      @Override public java.time.Instant instant() { return java.time.Instant.ofEpochMilli(now.get()); }
    };
    VerifiedPasswords verified = new VerifiedPasswords(clock);
    verified.remember("alice", "pw".toCharArray(), "h1");
    assertThat(verified.isFresh("alice", "pw".toCharArray(), "h1")).isTrue();
    assertThat(verified.isFresh("alice", "other".toCharArray(), "h1")).isFalse();
    assertThat(verified.isFresh("alice", "pw".toCharArray(), "h2")).as("a changed hash").isFalse();
    now.addAndGet(VerifiedPasswords.TTL_MINUTES * 60_000 + 1);
    assertThat(verified.isFresh("alice", "pw".toCharArray(), "h1")).isFalse();
  }

  @Test
  void readsTheIterationCountOfAHashSoTheDecoyCostsWhatARealAccountCosts() {
    assertThat(Pbkdf2Hash.iterations(Pbkdf2Hash.create("correct horse".toCharArray(), 1234))).isEqualTo(1234);
    assertThat(Pbkdf2Hash.iterations("not a hash")).isZero();
    assertThat(Pbkdf2Hash.iterations("PBKDF2WithHmacSHA256:x:a:b")).isZero();
  }
}
