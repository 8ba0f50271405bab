package org.keytriage.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keytriage.web.security.internal.Pbkdf2Hash;

class UserAccountsTest {
  private static final String HASH = Pbkdf2Hash.create("secret".toCharArray(), 1000);

  @Test
  void parsesNamesRolesAndHashes() {
    UserAccounts users = UserAccounts.parse("alice:admin:" + HASH + ", bob:ops|admin:" + HASH);
    assertThat(users.names()).containsExactlyInAnyOrder("alice", "bob");
    assertThat(users.find("bob").orElseThrow().roles()).isEqualTo(Set.of("ops", "admin"));
    assertThat(users.find("alice").orElseThrow().passwordHash()).isEqualTo(HASH);
    assertThat(users.find("carol")).isEmpty();
    assertThat(users.find("alice").orElseThrow().toString()).doesNotContain(HASH);
  }

  @Test
  void badEntriesAreRefusedWithoutEchoingTheHash() {
    assertThatThrownBy(() -> UserAccounts.parse("alice:root:" + HASH))
        .hasMessageContaining("'alice'").hasMessageContaining("roles must be admin and/or ops").hasMessageNotContaining(HASH);
    assertThatThrownBy(() -> UserAccounts.parse("alice:admin:plaintext"))
        .hasMessageContaining("PBKDF2WithHmacSHA256:<iterations>").hasMessageContaining("./keytriage hash-password");
    assertThatThrownBy(() -> UserAccounts.parse("alice")).hasMessageContaining("name:role|role:PBKDF2 hash");
  }
}
