package org.keytriage.simulator.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one handler on {@code /}: exact paths to API endpoints, {@code /admin/...} to the admin
 * surface, JSON 404 for the rest. An unexpected failure becomes a JSON 500 if nothing was sent yet,
 * and a dropped connection otherwise.
 */
public final class Router implements HttpHandler {
  private final Map<String, ApiEndpoint> endpoints;
  private final ApiPipeline pipeline;
  private final AdminEndpoint admin;

  public Router(List<ApiEndpoint> endpoints, ApiPipeline pipeline, AdminEndpoint admin) {
    this.endpoints =
        endpoints.stream()
            .collect(Collectors.toUnmodifiableMap(ApiEndpoint::path, Function.identity()));
    this.pipeline = pipeline;
    this.admin = admin;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      route(exchange);
    } catch (AbruptClose | IOException e) {
      throw e; // the server drops the connection, which is the point (or the client left)
    } catch (RuntimeException e) {
      if (exchange.getResponseCode() != -1) {
        throw new AbruptClose("failed mid-response: " + e);
      }
      HttpIo.sendError(exchange, 500, "server_error", "simulator fault: " + e);
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    ApiEndpoint endpoint = endpoints.get(path);
    if (endpoint != null) {
      pipeline.serve(exchange, endpoint);
    } else if (path.equals(AdminEndpoint.PREFIX) || path.startsWith(AdminEndpoint.PREFIX + "/")) {
      admin.handle(exchange);
    } else {
      HttpIo.readBody(exchange);
      HttpIo.sendError(exchange, 404, "not_found_error", "no endpoint at " + path);
    }
  }
}
