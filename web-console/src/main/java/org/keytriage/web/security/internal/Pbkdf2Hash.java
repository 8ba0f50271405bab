package org.keytriage.web.security.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2 password hashes in Jakarta Security's {@code Pbkdf2PasswordHash} format: {@code
 * PBKDF2WithHmacSHA256:<iterations>:<salt base64>:<hash base64>} (SHA-384 and SHA-512 variants
 * accepted). New hashes use {@value #DEFAULT_ITERATIONS} iterations (OWASP's 2023 advice for
 * HMAC-SHA256), a 32-byte random salt and a 32-byte hash.
 */
public final class Pbkdf2Hash {
  public static final int DEFAULT_ITERATIONS = 600_000;
  private static final String DEFAULT_ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final Set<String> ALGORITHMS =
      Set.of("PBKDF2WithHmacSHA256", "PBKDF2WithHmacSHA384", "PBKDF2WithHmacSHA512");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Pbkdf2Hash() {}

  public static String create(char[] password) {
    return create(password, DEFAULT_ITERATIONS);
  }

  public static String create(char[] password, int iterations) {
    byte[] salt = new byte[32];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(DEFAULT_ALGORITHM, password, salt, iterations, 32);
    Base64.Encoder b64 = Base64.getEncoder();
    return DEFAULT_ALGORITHM + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
  }

  /** Whether {@code encoded} has the four parts with a known algorithm, a positive count and base64. */
  public static boolean isWellFormed(String encoded) {
    return parse(encoded) != null;
  }

  /** Whether the password matches; the hashes are compared in constant time. */
  /** The iteration count of a well-formed hash; 0 for one that is not. */
  public static int iterations(String encoded) {
    String[] parts = encoded.split(":");
    try {
      return parts.length == 4 ? Math.max(0, Integer.parseInt(parts[1])) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  public static boolean verify(char[] password, String encoded) {
    Parsed p = parse(encoded);
    if (p == null) {
      return false;
    }
    byte[] actual = derive(p.algorithm, password, p.salt, p.iterations, p.hash.length);
    return MessageDigest.isEqual(actual, p.hash);
  }

  private record Parsed(String algorithm, int iterations, byte[] salt, byte[] hash) {}

  private static Parsed parse(String encoded) {
    if (encoded == null) {
      return null;
    }
    String[] parts = encoded.split(":");
    if (parts.length != 4 || !ALGORITHMS.contains(parts[0])) {
      return null;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] hash = Base64.getDecoder().decode(parts[3]);
      if (iterations < 1 || salt.length == 0 || hash.length == 0) {
        return null;
      }
      return new Parsed(parts[0], iterations, salt, hash);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] derive(String algorithm, char[] password, byte[] salt, int iterations, int bytes) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
    try {
      return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot compute " + algorithm, e);
    } finally {
      spec.clearPassword();
    }
  }
}
