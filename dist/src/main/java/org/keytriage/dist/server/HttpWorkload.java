package org.keytriage.dist.server;

import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.keytriage.dist.DemoRequests;
import org.keytriage.dist.Workload;
import org.keytriage.spi.UpstreamRequest;

/**
 * The demo's mixed workload over HTTP: the library demo's requests (the same task mix and
 * synthetic texts) sent to {@code /v1/chat/completions} with {@code X-Task-Type} from a few
 * threads, streaming_insights as streams, with a progress line.
 */
final class HttpWorkload extends Workload {
  private final ServerClient client;

  HttpWorkload(ServerClient client, int requests, int threads, PrintStream out) {
    super(requests, threads, out);
    this.client = client;
  }

  @Override
  protected long call(int i, String task) throws Exception {
    UpstreamRequest request = DemoRequests.requestFor(task, i);
    java.util.Map<String, Object> body = new java.util.LinkedHashMap<>(request.body());
    if (request.streaming()) {
      body.put("stream", true);
    }
    String json = JsonBodies.write(body);
    if (request.streaming()) {
      HttpResponse<Stream<String>> r = client.chatStream(task, json);
      try (Stream<String> lines = r.body()) {
        if (r.statusCode() != 200) {
          throw new IllegalStateException("HTTP " + r.statusCode() + " " + String.join(" ", lines.toList()));
        }
        lines.filter(l -> l.startsWith("data: ") && !l.equals("data: [DONE]")).forEach(l -> chunkRelayed());
      }
      return attempts(r);
    }
    HttpResponse<String> r = client.chat(task, json);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + r.statusCode() + " " + r.body());
    }
    return attempts(r);
  }

  /** The upstream calls the server made for this request, from its response header. */
  private static long attempts(HttpResponse<?> r) {
    return r.headers().firstValue("X-KeyTriage-Attempts").map(Long::parseLong).orElse(1L);
  }
}
