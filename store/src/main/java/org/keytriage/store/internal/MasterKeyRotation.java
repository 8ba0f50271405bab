package org.keytriage.store.internal;

import org.keytriage.store.SecretCipher;

/** Re-encrypts the stored secrets under a new master key. */
public final class MasterKeyRotation {
  private MasterKeyRotation() {}

  public static int reencrypt(Jpa jpa, SecretCipher from, SecretCipher to) {
    return jpa.inTransaction(em -> {
      int n = 0;
      for (KeyRow row : em.createQuery("SELECT k FROM KeyRow k WHERE k.secret IS NOT NULL", KeyRow.class)
          .getResultList()) {
        row.secret = to.encrypt(row.keyId, from.decrypt(row.keyId, row.secret));
        n++;
      }
      return n;
    });
  }
}
