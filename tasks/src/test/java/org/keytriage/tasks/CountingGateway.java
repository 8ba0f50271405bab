package org.keytriage.tasks;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.core.upstream.NvidiaGateway;
import org.keytriage.core.upstream.StreamListener;
import org.keytriage.core.upstream.UpstreamSettings;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.UpstreamRequest;

/** A gateway that passes every call on and records the hints and how many calls overlapped. */
final class CountingGateway implements NvidiaGateway {
  private final NvidiaGateway delegate;
  private final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  final List<RoutingHints> hints = new CopyOnWriteArrayList<>();
  final List<String> models = new CopyOnWriteArrayList<>();

  CountingGateway(NvidiaGateway delegate) {
    this.delegate = delegate;
  }

  @Override
  public GatewayResponse complete(String taskType, UpstreamRequest request, RoutingHints h) {
    hints.add(h);
    models.add(request.model());
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      return delegate.complete(taskType, request, h);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  @Override
  public GatewayResponse stream(
      String taskType, UpstreamRequest request, RoutingHints h, StreamListener listener) {
    hints.add(h);
    models.add(request.model());
    return delegate.stream(taskType, request, h, listener);
  }

  @Override
  public UpstreamSettings settings() {
    return delegate.settings();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
