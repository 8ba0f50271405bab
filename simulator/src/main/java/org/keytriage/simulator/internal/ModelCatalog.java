package org.keytriage.simulator.internal;

import java.util.List;

/** The NVIDIA catalog ids {@code GET /v1/models} lists. Chat requests may name any model. */
public final class ModelCatalog {
  /** A model id and its owner. */
  public record Model(String id, String ownedBy) {}

  public static final List<Model> MODELS =
      List.of(
          new Model("meta/llama-3.1-8b-instruct", "meta"),
          new Model("meta/llama-3.1-70b-instruct", "meta"),
          new Model("meta/llama-3.2-11b-vision-instruct", "meta"),
          new Model("meta/llama-3.3-70b-instruct", "meta"),
          new Model("nvidia/llama-3.1-nemotron-70b-instruct", "nvidia"),
          new Model("arc/evo2-40b", "arc"));

  private ModelCatalog() {}
}
