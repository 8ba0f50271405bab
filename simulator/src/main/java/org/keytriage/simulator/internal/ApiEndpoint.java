package org.keytriage.simulator.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * An authenticated, rate-limited API endpoint. The {@link ApiPipeline} does the common part (auth,
 * limits, witness, faults); an endpoint only reads its body and writes its answer.
 */
public interface ApiEndpoint {
  /** The exact path served. */
  String path();

  /** The one method served. */
  String method();

  /**
   * Validates the body and works out the request's tokens.
   *
   * @throws BadRequest if the body is unacceptable
   */
  Call prepare(byte[] body, SimulatorContext context);

  /** One validated request, ready to be answered once admitted. */
  interface Call {
    long promptTokens();

    long completionTokens();

    /** Writes the successful answer (the pipeline has already handled hangs, latency, errors). */
    void respond(HttpExchange exchange, ResponsePlan plan) throws IOException;
  }
}
