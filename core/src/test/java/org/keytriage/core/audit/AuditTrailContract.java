package org.keytriage.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AuditTrail} must do; each implementation's test extends this with its own {@link #open()}. */
public abstract class AuditTrailContract {
  protected static final Instant T0 = Instant.parse("2026-12-02T10:15:00.123Z");

  protected AuditTrail trail;

  protected abstract AuditTrail open();

  @BeforeEach
  void openTrail() {
    trail = open();
  }

  @AfterEach
  void closeTrail() {
    trail.close();
    afterClose();
  }

  /** Drops what {@link #open()} made, after the trail is closed; nothing by default. */
  protected void afterClose() {}

  protected static AuditRecord record(int i, String action, String target) {
    return new AuditRecord(T0.plusSeconds(i), i % 2 == 0 ? "admin" : "ops", action, target,
        Map.of("reason", "change " + i, "after", "{\"max_rpm\":" + i + "}"));
  }

  @Test
  void entriesAreChainedInOrderAndVerify() {
    AuditEntry first = trail.append(record(1, "key.added", "k1"));
    AuditEntry second = trail.append(record(2, "key.changed", "k1"));

    assertThat(first.seq()).isEqualTo(1);
    assertThat(first.previousHash()).isEqualTo(AuditChain.GENESIS);
    assertThat(second.seq()).isEqualTo(2);
    assertThat(second.previousHash()).isEqualTo(first.hash());
    ChainVerification v = trail.verify();
    assertThat(v.intact()).isTrue();
    assertThat(v.entries()).isEqualTo(2);
    assertThat(v.headHash()).isEqualTo(second.hash());
  }

  @Test
  void anEmptyTrailVerifies() {
    assertThat(trail.verify()).isEqualTo(new ChainVerification(true, 0, AuditChain.GENESIS, 0, ""));
  }

  @Test
  void detailsComeBackExactly() {
    AuditRecord r = new AuditRecord(T0, "admin", "key.changed", "k-ü", Map.of("reason", "Ünïcödé \"quoted\" \\ \n line",
        "empty", "", "before", "{\"api_key\":\"nvapi-…Ab3F\"}"));
    trail.append(r);

    AuditEntry read = trail.find(AuditQuery.all()).get(0);

    assertThat(read.record()).isEqualTo(r);
    assertThat(trail.verify().intact()).isTrue();
  }

  @Test
  void findFiltersNewestFirst() {
    trail.append(record(1, "key.added", "k1"));
    trail.append(record(2, "key.penalised", "k2"));
    trail.append(record(3, "login.failed", "mallory"));
    trail.append(record(4, "key.retired", "k1"));

    assertThat(trail.find(AuditQuery.all())).extracting(AuditEntry::seq).containsExactly(4L, 3L, 2L, 1L);
    assertThat(trail.find(new AuditQuery(null, null, null, "key.", null, 0, 10)))
        .extracting(AuditEntry::seq).containsExactly(4L, 2L, 1L);
    assertThat(trail.find(new AuditQuery(null, null, null, null, "k1", 0, 10)))
        .extracting(AuditEntry::seq).containsExactly(4L, 1L);
    assertThat(trail.find(new AuditQuery(null, null, "admin", null, null, 0, 10)))
        .extracting(AuditEntry::seq).containsExactly(4L, 2L);
    assertThat(trail.find(new AuditQuery(T0.plusSeconds(2), T0.plusSeconds(4), null, null, null, 0, 10)))
        .extracting(AuditEntry::seq).containsExactly(3L, 2L);
    assertThat(trail.find(new AuditQuery(null, null, null, null, null, 1, 2)))
        .extracting(AuditEntry::seq).containsExactly(3L, 2L);
  }

  @Test
  void concurrentAppendsMakeOneChain() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<AuditEntry>> appends = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int n = i;
        appends.add(pool.submit(() -> trail.append(record(n, "key.changed", "k" + n))));
      }
      for (Future<AuditEntry> f : appends) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    ChainVerification v = trail.verify();
    assertThat(v.intact()).as(v.problem()).isTrue();
    assertThat(v.entries()).isEqualTo(40);
  }

  @Test
  void aLongTrailIsVerifiedPageByPage() {
    for (int i = 0; i < 1203; i++) {
      trail.append(record(i, "key.changed", "k"));
    }

    ChainVerification v = trail.verify();

    assertThat(v.intact()).isTrue();
    assertThat(v.entries()).isEqualTo(1203);
  }
}
