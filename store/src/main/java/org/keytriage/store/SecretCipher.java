package org.keytriage.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.keytriage.core.config.Secret;

/**
 * Encrypts API key secrets for the store with AES-256-GCM under the server's master key. A
 * ciphertext reads {@code v1:<master key id>:<base64 of nonce, ciphertext and tag>}; the key id (the
 * first 8 bytes of the master key's SHA-256, in hex) names which master key it needs, and the row's
 * key id is bound in as associated data, so a ciphertext copied to another row does not decrypt.
 */
public final class SecretCipher {
  private static final String PREFIX = "v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final String id;

  private SecretCipher(byte[] masterKey) {
    this.key = new SecretKeySpec(masterKey, "AES");
    this.id = HexFormat.of().formatHex(Arrays.copyOf(sha256(masterKey), 8));
  }

  /**
   * The cipher of a master key given as base64 (32 bytes; {@link #generate()} makes one).
   *
   * @throws IllegalArgumentException that says what is wrong with it (never its value)
   */
  public static SecretCipher fromBase64(String masterKey) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(masterKey.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The master key is not base64. Generate one with `./keytriage master-key "
          + "generate`.");
    }
    if (raw.length != 32) {
      throw new IllegalArgumentException("The master key must be 32 bytes (AES-256) in base64, not " + raw.length
          + " bytes. Generate one with `./keytriage master-key generate`.");
    }
    return new SecretCipher(raw);
  }

  /** A new random master key, in base64. */
  public static String generate() {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }

  /** The master key's id, as ciphertexts name it. */
  public String id() {
    return id;
  }

  public String encrypt(String keyId, Secret secret) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = c.doFinal(secret.reveal().getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return PREFIX + ":" + id + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
    }
  }

  /**
   * @throws IllegalStateException when the ciphertext was made under another master key, or was
   *     changed (the message names the key and the master key id it needs, never a secret)
   */
  public Secret decrypt(String keyId, String ciphertext) {
    String[] parts = ciphertext.split(":", 3);
    if (parts.length != 3 || !parts[0].equals(PREFIX)) {
      throw new IllegalStateException("The stored secret of key '" + keyId + "' is not in a format this KeyTriage "
          + "reads (v1:<master key id>:<data>).");
    }
    if (!parts[1].equals(id)) {
      throw new IllegalStateException("The stored secret of key '" + keyId + "' was encrypted under master key "
          + parts[1] + ", but this server has master key " + id + ". Start with the master key it was stored "
          + "under, or re-encrypt with `./keytriage master-key rotate`.");
    }
    try {
      byte[] in = Base64.getDecoder().decode(parts[2]);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      c.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
      byte[] plain = c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return Secret.of(new String(plain, StandardCharsets.UTF_8));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("The stored secret of key '" + keyId + "' does not decrypt under master key "
          + id + ": the row was changed, or belongs to another key.");
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
