package org.keytriage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.keytriage.core.config.Secret;

class SecretCipherTest {
  private final SecretCipher cipher = SecretCipher.fromBase64(SecretCipher.generate());

  @Test
  void aSecretComesBackFromItsCiphertextWhichNeverHoldsIt() {
    String ciphertext = cipher.encrypt("k1", Secret.of("nvapi-cipher-test-secret-0001"));

    assertThat(ciphertext).startsWith("v1:" + cipher.id() + ":").doesNotContain("nvapi-cipher-test-secret-0001");
    assertThat(cipher.decrypt("k1", ciphertext).reveal()).isEqualTo("nvapi-cipher-test-secret-0001");
    assertThat(cipher.encrypt("k1", Secret.of("nvapi-cipher-test-secret-0001"))).isNotEqualTo(ciphertext);
  }

  @Test
  void aCiphertextIsBoundToItsKeyAndItsMasterKey() {
    String ciphertext = cipher.encrypt("k1", Secret.of("nvapi-cipher-test-secret-0002"));
    SecretCipher other = SecretCipher.fromBase64(SecretCipher.generate());

    assertThatThrownBy(() -> cipher.decrypt("k2", ciphertext)).hasMessageContaining("key 'k2'")
        .hasMessageContaining("belongs to another key");
    assertThatThrownBy(() -> other.decrypt("k1", ciphertext)).hasMessageContaining(cipher.id())
        .hasMessageContaining("master-key rotate");
    String flipped = ciphertext.substring(0, ciphertext.length() - 3) + (ciphertext.endsWith("A==") ? "B==" : "A==");
    assertThatThrownBy(() -> cipher.decrypt("k1", flipped)).isInstanceOf(IllegalStateException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("nvapi-cipher-test-secret-0002"));
  }

  @Test
  void aBadMasterKeySaysHowToMakeOne() {
    assertThatThrownBy(() -> SecretCipher.fromBase64("not base64 at all!")).hasMessageContaining("master-key generate");
    assertThatThrownBy(() -> SecretCipher.fromBase64("c2hvcnQ=")).hasMessageContaining("32 bytes")
        .hasMessageContaining("not 5 bytes");
  }
}
