package org.keytriage.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.keytriage.core.keys.CooldownPolicy;
import org.junit.jupiter.api.Test;

class CooldownPolicyTest {
  @Test
  void oneSecondDoublingToSixtySeconds() {
    CooldownPolicy p = CooldownPolicy.DEFAULT;
    assertThat(p.after(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.after(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.after(5)).isEqualTo(Duration.ofSeconds(32));
    assertThat(p.after(6)).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.after(1_000)).isEqualTo(Duration.ofSeconds(60));
  }
}
