package org.keytriage.core.gateway;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids: a random UUID (version 4 layout) for each request. */
public final class RequestIds {
  private RequestIds() {}

  /**
   * A new id. From the thread's own generator, not {@link UUID#randomUUID()}'s secure one: an id
   * names a request, it guards nothing, and a contended secure generator would cost every request.
   */
  public static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
