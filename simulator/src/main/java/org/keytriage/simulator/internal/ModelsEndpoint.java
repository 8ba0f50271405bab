package org.keytriage.simulator.internal;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;

/** {@code GET /v1/models}: the catalog, OpenAI list shape. Counts as a request of 0 tokens. */
public final class ModelsEndpoint implements ApiEndpoint {
  public static final String PATH = "/v1/models";

  @Override
  public String path() {
    return PATH;
  }

  @Override
  public String method() {
    return "GET";
  }

  @Override
  public Call prepare(byte[] body, SimulatorContext context) {
    return new Call() {
      @Override
      public long promptTokens() {
        return 0;
      }

      @Override
      public long completionTokens() {
        return 0;
      }

      @Override
      public void respond(HttpExchange exchange, ResponsePlan plan) throws IOException {
        JsonArrayBuilder data = Json.array();
        for (ModelCatalog.Model model : ModelCatalog.MODELS) {
          data.add(
              Json.object()
                  .add("id", model.id())
                  .add("object", "model")
                  .add("owned_by", model.ownedBy()));
        }
        HttpIo.sendJson(
            exchange, 200, Json.object().add("object", "list").add("data", data).build());
      }
    };
  }
}
