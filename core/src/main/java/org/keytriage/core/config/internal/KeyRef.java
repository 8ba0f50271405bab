package org.keytriage.core.config.internal;

/**
 * Which part of the config file a problem is about, for messages: a key by its {@code key_id}
 * and position, a key by position only (its {@code key_id} is missing or broken), or the file as a
 * whole.
 *
 * @param keyId the entry's key_id, or null
 * @param index the entry's position in {@code api_keys}, or -1 for file-level problems
 */
public record KeyRef(String keyId, int index) {
  /** Not about one key: top-level fields, the file itself. */
  public static final KeyRef FILE = new KeyRef(null, -1);

  public static KeyRef entry(int index) {
    return new KeyRef(null, index);
  }

  public KeyRef withKeyId(String id) {
    return new KeyRef(id, index);
  }

  /** E.g. {@code key 'medical_text_primary' (api_keys[0])}, {@code api_keys[2]}, or "". */
  public String describe() {
    if (index < 0) {
      return keyId == null ? "" : "key '" + keyId + "'";
    }
    String position = "api_keys[" + index + "]";
    return keyId == null ? position : "key '" + keyId + "' (" + position + ")";
  }
}
