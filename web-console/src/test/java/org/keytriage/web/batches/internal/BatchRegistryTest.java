package org.keytriage.web.batches.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.keytriage.core.batch.Batch;
import org.keytriage.core.batch.BatchRunner;
import org.keytriage.core.batch.BatchStatus;
import org.keytriage.core.batch.ItemResult;
import org.keytriage.web.errors.ApiException;

/** Cap and expiry of the in-memory batch registry, on a clock the test moves. */
class BatchRegistryTest {
  private final MutableClock clock = new MutableClock();
  private final BatchRegistry registry = new BatchRegistry(2, Duration.ofMinutes(60), clock);
  private static final Executor NOW = Runnable::run;

  private static List<Map<String, Object>> items(int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> Map.<String, Object>of("text", "record " + i)).toList();
  }

  private static void runAll(Batch b) {
    new BatchRunner(NOW, 2, (t, i, in) -> ItemResult.served(i, "k", 0.5, Map.of()), x -> { }).start(b);
  }

  @Test
  void aFinishedBatchExpiresAfterItsRetentionARunningOneNever() {
    Batch finished = registry.create("ehr", "batch_processing", items(3));
    Batch running = registry.create("ehr", "batch_processing", items(3));
    runAll(finished);
    assertThat(finished.status()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(finished.finishedAt()).contains(clock.instant());

    clock.advance(Duration.ofMinutes(59));
    assertThat(registry.find(finished.id())).contains(finished);
    clock.advance(Duration.ofMinutes(1));
    assertThat(registry.find(finished.id())).isEmpty();

    clock.advance(Duration.ofDays(2));
    assertThat(registry.find(running.id())).contains(running);
    assertThat(registry.size()).isEqualTo(1);
  }

  @Test
  void aFullRegistryRefusesWith503AndRetryAfterUntilABatchExpires() {
    Batch first = registry.create("ehr", "batch_processing", items(1));
    registry.create("ehr", "batch_processing", items(1));
    runAll(first);
    clock.advance(Duration.ofMinutes(50));

    assertThatThrownBy(() -> registry.create("ehr", "batch_processing", items(1)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.code()).isEqualTo("too_many_batches");
          // the first batch expires in 10 min
          assertThat(Long.parseLong(e.headers().get("Retry-After"))).isBetween(600L, 601L);
        });

    clock.advance(Duration.ofMinutes(10));
    assertThat(registry.create("ehr", "batch_processing", items(1)).id()).startsWith("b-");
  }

  @Test
  void idsAreUniqueAndUnknownIdsAreNotFound() {
    Batch a = registry.create("ehr", "batch_processing", items(1));
    Batch b = registry.create("lab", "genomics_analysis", items(1));
    assertThat(a.id()).isNotEqualTo(b.id());
    assertThat(registry.find("b-nope")).isEmpty();
    assertThat(registry.find(null)).isEmpty();
    assertThat(b.owner()).isEqualTo("lab");
    assertThat(b.toString()).contains(b.id()).doesNotContain("record");
  }
}
