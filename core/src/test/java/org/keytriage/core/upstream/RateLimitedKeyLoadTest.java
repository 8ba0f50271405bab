package org.keytriage.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.keytriage.simulator.KeyBehaviour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two keys for a task, one answering every call with 429: with the clock standing still its
 * cooldown never ends, so it is called once and every other request goes straight to the live key.
 */
class RateLimitedKeyLoadTest {
  private SimulatedUpstream up;

  @AfterEach
  void close() {
    up.close();
  }

  @Test
  void aThousandRequestsNoVisibleFailureAndAlmostNoWastedCalls() {
    up =
        new SimulatedUpstream()
            .strategy("round_robin")
            .key("dead", 1, KeyBehaviour.builder().always429(true).build())
            .key("live", 1, KeyBehaviour.defaults())
            .start();

    int requests = 1_000;
    List<Throwable> failures = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      try {
        assertThat(up.ask("request " + i).keyId()).isEqualTo("live");
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }

    assertThat(failures).isEmpty();
    assertThat(up.calls("dead")).isEqualTo(1);
    assertThat(up.calls("live")).isEqualTo(requests);
    assertThat((double) up.totalCalls() / requests).isLessThanOrEqualTo(1.02);
  }
}
