package org.keytriage.core.upstream.internal;

import java.nio.charset.StandardCharsets;
import org.keytriage.core.config.Secret;

/** Masks a key's secret in upstream text before it goes anywhere: some servers echo the header. */
final class Scrub {
  private Scrub() {}

  static String secret(String text, Secret secret) {
    if (text == null || !secret.appearsIn(text)) {
      return text;
    }
    return text.replace(secret.reveal(), secret.masked());
  }

  /** The bytes with every occurrence of the secret's UTF-8 form masked; the same array when there is none. */
  static byte[] secret(byte[] body, Secret secret) {
    return secret(body, 0, body == null ? 0 : body.length, secret);
  }

  /**
   * The {@code length} bytes at {@code offset} with the secret masked: the same array when the
   * secret is not among them (the usual case, found with one pass and no allocation), else a new
   * array holding only those bytes, masked.
   */
  static byte[] secret(byte[] body, int offset, int length, Secret secret) {
    if (body == null || !secret.appearsIn(body, offset, length)) {
      return body;
    }
    String masked = new String(body, offset, length, StandardCharsets.UTF_8).replace(secret.reveal(), secret.masked());
    return masked.getBytes(StandardCharsets.UTF_8);
  }
}
