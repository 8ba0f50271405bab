package org.keytriage.simulator.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Raised once when the simulator closes. Every deliberate wait (latency, hang, stream pacing) waits
 * on it rather than sleeping, so closing releases them at once instead of after their delay.
 */
public final class ShutdownSignal {
  private final CountDownLatch latch = new CountDownLatch(1);

  public void raise() {
    latch.countDown();
  }

  public boolean raised() {
    return latch.getCount() == 0;
  }

  /**
   * Waits {@code millis}, real time.
   *
   * @throws AbruptClose if the simulator closes meanwhile (or the thread is interrupted), so the
   *     request's connection is dropped
   */
  public void pause(long millis) {
    if (millis <= 0) {
      if (raised()) {
        throw new AbruptClose("simulator closing");
      }
      return;
    }
    try {
      if (latch.await(millis, TimeUnit.MILLISECONDS)) {
        throw new AbruptClose("simulator closing");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AbruptClose("interrupted");
    }
  }
}
