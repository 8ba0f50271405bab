package org.keytriage.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.plugin.PluginProblem;
import org.keytriage.core.plugin.PluginRegistry;
import org.keytriage.spi.ProviderFactory;

/** The strategies and task handlers discovered at start, each with the jar it came from, and load problems. */
@Named
@RequestScoped
public class PluginsView {
  @Inject KeyTriage keyTriage;

  /** One discovered provider. */
  public record Row(String kind, String id, String description, String implementation, String origin) {}

  /** One provider that could not be loaded. */
  public record Problem(String contract, String provider, String message) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();

  @PostConstruct
  void load() {
    add("strategy", keyTriage.strategies());
    add("task handler", keyTriage.taskHandlers());
  }

  private void add(String kind, PluginRegistry<? extends ProviderFactory<?>> registry) {
    for (ProviderFactory<?> f : registry.factories()) {
      rows.add(new Row(kind, f.id(), f.description(), f.getClass().getName(), origin(f.getClass())));
    }
    for (PluginProblem p : registry.problems()) {
      problems.add(new Problem(p.contract(), p.provider(), p.message()));
    }
  }

  /** The jar's file name (never a full path of the server's disk), or "built in". */
  static String origin(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    URL location = source == null ? null : source.getLocation();
    if (location == null) {
      return "built in";
    }
    String path = location.getPath().replaceAll("/+$", "");
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.isEmpty() ? "built in" : name;
  }

  public List<Row> getRows() {
    return rows;
  }

  public List<Problem> getProblems() {
    return problems;
  }
}
