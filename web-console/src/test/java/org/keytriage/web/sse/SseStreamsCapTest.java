package org.keytriage.web.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.keytriage.web.errors.ApiException;

/** The stream cap is one count for the workers' streams and the request-thread streams together. */
class SseStreamsCapTest {
  @Test
  void aStreamOnTheRequestThreadTakesAPlaceTheWorkersCannotUseUntilItEnds() throws Exception {
    Semaphore permits = new Semaphore(1);
    try (SseStreams streams = new SseStreams(Executors.defaultThreadFactory(), permits, 1, Duration.ofSeconds(5))) {
      permits.acquire(); // the /v1 hot path's stream
      assertThatThrownBy(() -> streams.relay("streaming_insights", pipe -> Map.of()))
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("too_many_streams");
            assertThat(e.headers()).containsEntry("Retry-After", "1");
          });
      permits.release();

      CountDownLatch running = new CountDownLatch(1);
      CountDownLatch finish = new CountDownLatch(1);
      // the request thread waits in relay() for the first frame; this one stands in for it
      Thread request = new Thread(() -> {
        try {
          streams.relay("streaming_insights", pipe -> {
            running.countDown();
            await(finish);
            return Map.of();
          });
        } catch (RuntimeException noJaxRsRuntimeInAUnitTest) {
          // building the Response needs the server's JAX-RS runtime; the cap is what is tested
        }
      });
      request.start();
      assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
      // the worker's stream holds the only place while it runs, and gives it back when it ends
      assertThat(permits.tryAcquire()).isFalse();
      finish.countDown();
      assertThat(permits.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
      request.join(5_000);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
