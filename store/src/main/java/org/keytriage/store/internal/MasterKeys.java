package org.keytriage.store.internal;

/** What the store says about master keys where one is missing. */
final class MasterKeys {
  static final String HOW_TO_SET = "Generate one with `./keytriage master-key generate --out <file>` and give the "
      + "file to the server as keytriage.master-key-file (readable only by the server), or the key itself as the "
      + "environment variable KEYTRIAGE_MASTER_KEY.";

  private MasterKeys() {}
}
