package org.keytriage.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void idsAreVersion7UuidsOrderedByTheirMillisecond() {
    String earlier = RequestIds.next(1_796_300_000_000L);
    String later = RequestIds.next(1_796_300_000_001L);

    UUID u = UUID.fromString(earlier);
    assertThat(u.version()).isEqualTo(7);
    assertThat(u.variant()).isEqualTo(2);
    assertThat(u.getMostSignificantBits() >>> 16).isEqualTo(1_796_300_000_000L);
    assertThat(earlier.compareTo(later)).isNegative();
  }

  @Test
  void idsOfOneMillisecondDoNotRepeat() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      ids.add(RequestIds.next(1_796_300_000_000L));
    }
    assertThat(ids).hasSize(100_000);
  }
}
