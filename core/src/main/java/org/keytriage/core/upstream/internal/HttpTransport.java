package org.keytriage.core.upstream.internal;

import java.time.Duration;
import org.keytriage.core.routing.Allocation;

/** Makes the {@link Exchange}s of upstream calls: a pooled HTTP client behind one method. */
interface HttpTransport extends AutoCloseable {
  /**
   * The exchange for one attempt, authorised with the allocation's key: a POST of {@code json}, or
   * a GET when it is null. Nothing is sent until {@link Exchange#execute()}.
   *
   * @param timeout the longest wait for any one read (the head, then each piece of the body)
   * @throws IllegalArgumentException for a base URL or a header the client refuses
   */
  Exchange prepare(Allocation a, String path, byte[] json, boolean stream, Duration timeout);

  @Override
  void close();
}
