package org.keytriage.core.upstream.internal;

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
}
