package org.keytriage.dist.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The credential hashes the web application's {@code keytriage.users} and {@code
 * keytriage.integrators} take: PBKDF2 in Jakarta Security's {@code Pbkdf2PasswordHash} format
 * ({@code PBKDF2WithHmacSHA256:<iterations>:<salt base64>:<hash base64>}) and the hex SHA-256 of a
 * token.
 */
public final class PasswordHashes {
  /** OWASP's 2023 advice for PBKDF2-HMAC-SHA256. */
  public static final int ITERATIONS = 600_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHashes() {}

  public static String pbkdf2(char[] password) {
    return pbkdf2(password, ITERATIONS);
  }

  public static String pbkdf2(char[] password, int iterations) {
    byte[] salt = new byte[32];
    RANDOM.nextBytes(salt);
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
    try {
      byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      Base64.Encoder b64 = Base64.getEncoder();
      return "PBKDF2WithHmacSHA256:" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot compute PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** The hex SHA-256 of the token's UTF-8 bytes (what {@code printf %s "$TOKEN" | sha256sum} prints). */
  public static String sha256Hex(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** A random URL-safe string of {@code bytes} random bytes, prefixed. */
  public static String randomToken(String prefix, int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
