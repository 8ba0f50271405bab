package org.keytriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keytriage.core.events.Origin;
import org.keytriage.core.events.RequestServed;
import org.keytriage.core.requests.RequestLog;
import org.keytriage.core.requests.RequestLogSettings;
import org.keytriage.core.requests.RequestQuery;
import org.keytriage.spi.RoutingHints;

/**
 * The writer closed while it is writing to the embedded H2 file: every row waiting is written.
 * (Interrupting the writer to stop it made H2 close its file database in the middle of a batch, and
 * the rows still waiting were lost.)
 */
class RequestLogOnH2FileTest {

  @Test
  void closingWhileBusyWritesEveryRowWaiting(@TempDir Path dir) {
    try (Store store = Store.open(StoreSettings.h2File(dir))) {
      RequestLog log = RequestLog.start(store.requestLog(), RequestLogSettings.builder().capacity(30_000).build(),
          Clock.systemUTC(), alert -> {});
      for (int i = 0; i < 20_000; i++) {
        log.on(new RequestServed(Instant.parse("2026-12-02T10:00:00Z"), "r-" + i, "medical_text_analysis",
            Origin.OPENAI, "ehr", RoutingHints.DEFAULT, null, "k1", 10, 5, 0.001, 1, 5, 6_000_000L, false));
      }

      log.close();

      assertThat(log.stats().dropped()).isZero();
      assertThat(store.requestLog().find(RequestQuery.all()).total()).isEqualTo(20_000);
    }
  }
}
