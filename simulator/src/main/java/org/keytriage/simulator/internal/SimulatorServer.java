package org.keytriage.simulator.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.keytriage.simulator.KeyBehaviour;
import org.keytriage.simulator.Scenario;
import org.keytriage.simulator.SimulatorConfig;
import org.keytriage.simulator.WitnessLog;

/** The running simulator: the JDK HTTP server on 127.0.0.1, its workers and shared state. */
public final class SimulatorServer implements AutoCloseable {
  private static final int BACKLOG = 128;

  static {
    // The JDK server writes headers and body as two segments; with Nagle's algorithm on, the body
    // waits for the client's delayed ACK (~40 ms on Linux) once a keep-alive connection leaves
    // quick-ack mode, which would swamp every latency the simulator is asked to model. The
    // property is read once per JVM, when the first server starts; an explicit setting wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ThreadPoolExecutor workers;
  private final SimulatorContext context;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SimulatorServer(HttpServer server, ThreadPoolExecutor workers, SimulatorContext context) {
    this.server = server;
    this.workers = workers;
    this.context = context;
  }

  /**
   * Binds and starts serving.
   *
   * @throws UncheckedIOException if the port cannot be bound, with a message saying so
   */
  public static SimulatorServer start(SimulatorConfig config, WitnessLog witness) {
    Scenario scenario = config.scenario();
    SimulatorContext context =
        new SimulatorContext(
            config.clock(),
            scenario.seed(),
            new KeyRegistry(scenario.keys(), scenario.acceptUnknownKeys()),
            witness,
            new ShutdownSignal(),
            config.maxHang().toMillis(),
            new AtomicLong());
    Router router =
        new Router(
            List.of(new ChatCompletionEndpoint(), new ModelsEndpoint(), new Evo2Endpoint()),
            new ApiPipeline(context),
            new AdminEndpoint(context));

    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(loopback(), config.port()), BACKLOG);
    } catch (BindException e) {
      throw new UncheckedIOException(
          "cannot listen on 127.0.0.1:"
              + config.port()
              + " ("
              + e.getMessage()
              + "); is another process using the port?",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the simulator on 127.0.0.1:" + config.port() + ": " + e.getMessage(), e);
    }
    ThreadPoolExecutor workers = WorkerPool.create(config.maxThreads());
    server.createContext("/", router);
    server.setExecutor(workers);
    server.start();
    return new SimulatorServer(server, workers, context);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public KeyBehaviour setBehaviour(String apiKey, KeyBehaviour behaviour) {
    return context.keys().put(apiKey, behaviour);
  }

  /** The behaviour of the key with this label, if any. */
  public java.util.Optional<KeyBehaviour> behaviourOf(String label) {
    return context.keys().byLabel(label).map(KeyState::behaviour);
  }

  /** Clears the witness log and every key's limiter, as {@code POST /admin/reset} does. */
  public void reset() {
    context.witness().clear();
    context.keys().resetAll();
  }

  /**
   * Releases held requests (their connections drop), stops the server and waits for the workers to
   * finish. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    context.shutdown().raise();
    server.stop(0);
    workers.shutdownNow();
    try {
      if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("simulator workers did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static InetAddress loopback() {
    try {
      // Literally 127.0.0.1, not "localhost", which may resolve to ::1 or to another address.
      return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
