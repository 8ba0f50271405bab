package org.keytriage.dist;

import java.io.PrintStream;
import org.keytriage.core.gateway.Call;
import org.keytriage.core.gateway.Gateway;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.spi.UpstreamRequest;

/** The workload through the library: {@link Gateway} calls, no server. */
final class DemoWorkload extends Workload {
  private final Gateway gateway;

  DemoWorkload(Gateway gateway, int requests, int threads, PrintStream out) {
    super(requests, threads, out);
    this.gateway = gateway;
  }

  @Override
  protected long call(int i, String task) {
    UpstreamRequest request = DemoRequests.requestFor(task, i);
    GatewayResponse r =
        request.streaming()
            ? gateway.stream(Call.of(task, request, DemoRequests.hintsFor(task)), chunk -> chunkRelayed())
            : gateway.complete(Call.of(task, request, DemoRequests.hintsFor(task)));
    return r.attempts();
  }
}
