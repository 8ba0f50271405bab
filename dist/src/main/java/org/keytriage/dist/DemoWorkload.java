package org.keytriage.dist;

import java.io.PrintStream;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.core.upstream.NvidiaGateway;
import org.keytriage.spi.UpstreamRequest;

/** The workload through the library: {@link NvidiaGateway} calls, no server. */
final class DemoWorkload extends Workload {
  private final NvidiaGateway gateway;

  DemoWorkload(NvidiaGateway gateway, int requests, int threads, PrintStream out) {
    super(requests, threads, out);
    this.gateway = gateway;
  }

  @Override
  protected long call(int i, String task) {
    UpstreamRequest request = DemoRequests.requestFor(task, i);
    GatewayResponse r =
        request.streaming()
            ? gateway.stream(task, request, DemoRequests.hintsFor(task), chunk -> chunkRelayed())
            : gateway.complete(task, request, DemoRequests.hintsFor(task));
    return r.attempts();
  }
}
