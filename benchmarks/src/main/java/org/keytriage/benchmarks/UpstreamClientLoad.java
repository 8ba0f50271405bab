package org.keytriage.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The upstream HTTP client alone, under the load KeyTriage puts on it: {@code --threads} callers
 * each POSTing the same chat completion (or stream) to the simulator in a closed loop, through one
 * shared client, the way the gateway's request threads share its one client. Prints one JSON line:
 * requests per second, the process's CPU µs per request (the client is what the gateway embeds,
 * so its process is the one to pin to a core and measure), threads started per request, p50.
 *
 * <pre>
 * java -cp keytriage-benchmarks.jar org.keytriage.benchmarks.UpstreamClientLoad
 *     --client jdk-async|jdk-sync|apache-classic|apache-async --url http://127.0.0.1:PORT
 *     --kind chat|stream --threads 50 --warmup 20 --duration 15
 * </pre>
 *
 * The simulator's key is read from {@code CLIENT_LOAD_KEY}. {@code jdk-async} is what KeyTriage
 * does ({@code sendAsync}, then a bounded wait); {@code jdk-sync} is {@code send}; {@code
 * apache-classic} is Apache HttpClient 5's blocking client with a connection pool, on the calling
 * thread; {@code apache-async} its non-blocking client, waited on like {@code jdk-async}.
 */
public final class UpstreamClientLoad {
  interface Client extends AutoCloseable {
    /** One call; returns the body's size in bytes (the body read to its end). */
    long call(byte[] body) throws Exception;

    @Override
    default void close() throws Exception {}
  }

  private UpstreamClientLoad() {}

  public static void main(String[] args) throws Exception {
    String clientName = "jdk-async";
    String url = null;
    String kind = "chat";
    int threads = 50;
    double warmup = 20;
    double duration = 15;
    for (int i = 0; i + 1 < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--client" -> clientName = v;
        case "--url" -> url = v;
        case "--kind" -> kind = v;
        case "--threads" -> threads = Integer.parseInt(v);
        case "--warmup" -> warmup = Double.parseDouble(v);
        case "--duration" -> duration = Double.parseDouble(v);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    String key = System.getenv("CLIENT_LOAD_KEY");
    if (url == null || key == null) {
      throw new IllegalArgumentException("--url and CLIENT_LOAD_KEY are required");
    }
    URI uri = URI.create(url + "/v1/chat/completions");
    boolean stream = kind.equals("stream");
    byte[] body = (stream ? ServerLoadDriver.STREAM_BODY : ServerLoadDriver.CHAT_BODY).getBytes(StandardCharsets.UTF_8);
    try (Client client = client(clientName, uri, key, stream)) {
      run(client, body, threads, warmup);
      Result r = run(client, body, threads, duration);
      System.out.printf(Locale.ROOT,
          "{\"client\":\"%s\",\"kind\":\"%s\",\"threads\":%d,\"requests\":%d,\"rps\":%.1f,\"cpu_us_per_request\":%.1f,"
              + "\"threads_started_per_request\":%.2f,\"p50_ms\":%.3f,\"errors\":%d,\"common_pool_parallelism\":%d,"
              + "\"cpus\":%d}%n",
          clientName, kind, threads, r.requests, r.requests / duration, r.cpuNanos / 1000.0 / Math.max(1, r.requests),
          r.threadsStarted / (double) Math.max(1, r.requests), r.p50Millis, r.errors,
          ForkJoinPool.getCommonPoolParallelism(), Runtime.getRuntime().availableProcessors());
    }
    System.exit(0);
  }

  record Result(long requests, long errors, long cpuNanos, long threadsStarted, double p50Millis) {}

  static Result run(Client client, byte[] body, int threads, double seconds) throws InterruptedException {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    AtomicLong requests = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long[][] latencies = new long[threads][];
    int[] counts = new int[threads];
    CountDownLatch done = new CountDownLatch(threads);
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long cpuBefore = processCpuNanos();
    long startedBefore = mx.getTotalStartedThreadCount();
    for (int t = 0; t < threads; t++) {
      int me = t;
      latencies[me] = new long[4096];
      Thread th = new Thread(() -> {
        try {
          while (System.nanoTime() < end) {
            long s = System.nanoTime();
            try {
              client.call(body);
              requests.incrementAndGet();
            } catch (Exception e) {
              errors.incrementAndGet();
            }
            if (counts[me] == latencies[me].length) {
              latencies[me] = Arrays.copyOf(latencies[me], counts[me] * 2);
            }
            latencies[me][counts[me]++] = System.nanoTime() - s;
          }
        } finally {
          done.countDown();
        }
      }, "caller-" + t);
      th.setDaemon(true);
      th.start();
    }
    done.await();
    long cpu = processCpuNanos() - cpuBefore;
    // the callers themselves are started by the harness, not by the client
    long started = mx.getTotalStartedThreadCount() - startedBefore - threads;
    long[] all = new long[Arrays.stream(counts).sum()];
    int k = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(latencies[t], 0, all, k, counts[t]);
      k += counts[t];
    }
    Arrays.sort(all);
    double p50 = all.length == 0 ? 0 : all[all.length / 2] / 1e6;
    return new Result(requests.get(), errors.get(), cpu, Math.max(0, started), p50);
  }

  private static long processCpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  static Client client(String name, URI uri, String key, boolean stream) {
    return switch (name) {
      case "jdk-async" -> new JdkClient(uri, key, stream, true);
      case "jdk-sync" -> new JdkClient(uri, key, stream, false);
      case "apache-classic" -> new ApacheClassic(uri, key);
      case "apache-async" -> new ApacheAsync(uri, key, stream);
      default -> throw new IllegalArgumentException("unknown client " + name);
    };
  }

  /** The JDK's client, configured as KeyTriage's is (HTTP/1.1 to a cleartext upstream, no redirects). */
  static final class JdkClient implements Client {
    private final HttpClient http;
    private final URI uri;
    private final String key;
    private final boolean stream;
    private final boolean async;

    JdkClient(URI uri, String key, boolean stream, boolean async) {
      this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
          .executor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "jdk-client");
            t.setDaemon(true);
            return t;
          })).build();
      this.uri = uri;
      this.key = key;
      this.stream = stream;
      this.async = async;
    }

    @Override
    public long call(byte[] body) throws Exception {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
          .header("Accept", stream ? "text/event-stream" : "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
      if (stream) {
        // as KeyTriage's stream relay: a subscriber fed the body's buffers as they come
        CountingSubscriber counter = new CountingSubscriber();
        HttpResponse.BodyHandler<Long> handler = info -> HttpResponse.BodySubscribers.fromSubscriber(counter, c -> c.bytes);
        return async ? http.sendAsync(request, handler).get(30, TimeUnit.SECONDS).body() : http.send(request, handler).body();
      }
      HttpResponse.BodyHandler<byte[]> handler = HttpResponse.BodyHandlers.ofByteArray();
      byte[] answer = async ? http.sendAsync(request, handler).get(30, TimeUnit.SECONDS).body() : http.send(request, handler).body();
      return answer.length;
    }
  }

  static final class CountingSubscriber implements Flow.Subscriber<List<ByteBuffer>> {
    long bytes;
    private Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer b : items) {
        bytes += b.remaining();
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onComplete() {}
  }

  /** Apache HttpClient 5, blocking, pooled: the call runs on the caller's thread, start to end. */
  static final class ApacheClassic implements Client {
    private final CloseableHttpClient http;
    private final URI uri;
    private final String key;

    ApacheClassic(URI uri, String key) {
      this.http = HttpClients.custom()
          .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
              .setMaxConnTotal(500).setMaxConnPerRoute(500)
              .setDefaultConnectionConfig(ConnectionConfig.custom()
                  .setConnectTimeout(Timeout.ofSeconds(5)).setSocketTimeout(Timeout.ofSeconds(30)).build())
              .build())
          .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
          .disableAuthCaching().disableContentCompression().build();
      this.uri = uri;
      this.key = key;
    }

    @Override
    public long call(byte[] body) throws IOException {
      HttpPost post = new HttpPost(uri);
      post.setHeader("Authorization", "Bearer " + key);
      post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
      return http.execute(post, response -> {
        long n = 0;
        try (InputStream in = response.getEntity().getContent()) {
          byte[] buf = new byte[8192];
          for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
            n += r;
          }
        }
        return n;
      });
    }

    @Override
    public void close() throws IOException {
      http.close();
    }
  }

  /** Apache HttpClient 5's non-blocking client (one I/O reactor thread per CPU), waited on. */
  static final class ApacheAsync implements Client {
    private final CloseableHttpAsyncClient http;
    private final URI uri;
    private final String key;
    private final boolean stream;

    ApacheAsync(URI uri, String key, boolean stream) {
      this.http = HttpAsyncClients.custom()
          .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
              .setMaxConnTotal(500).setMaxConnPerRoute(500).build())
          .setIOReactorConfig(IOReactorConfig.custom().setSoTimeout(Timeout.ofSeconds(30)).build())
          .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
          .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
          .disableAuthCaching().build();
      http.start();
      this.uri = uri;
      this.key = key;
      this.stream = stream;
    }

    @Override
    public long call(byte[] body) throws Exception {
      SimpleHttpRequest request = SimpleRequestBuilder.post(uri)
          .setHeader("Authorization", "Bearer " + key)
          .setBody(body, ContentType.APPLICATION_JSON).build();
      if (stream) {
        AtomicLong n = new AtomicLong();
        Future<Long> f = http.execute(SimpleRequestProducer.create(request), new AbstractBinResponseConsumer<Long>() {
          @Override
          protected void start(org.apache.hc.core5.http.HttpResponse response, ContentType contentType) {}

          @Override
          protected int capacityIncrement() {
            return 8192;
          }

          @Override
          protected void data(ByteBuffer src, boolean endOfStream) {
            n.addAndGet(src.remaining());
            src.position(src.limit());
          }

          @Override
          protected Long buildResult() {
            return n.get();
          }

          @Override
          public void releaseResources() {}
        }, null);
        return f.get(30, TimeUnit.SECONDS);
      }
      Future<SimpleHttpResponse> f = http.execute(SimpleRequestProducer.create(request), SimpleResponseConsumer.create(), null);
      return f.get(30, TimeUnit.SECONDS).getBodyBytes().length;
    }

    @Override
    public void close() throws IOException {
      http.close();
    }
  }

}
