package org.keytriage.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.keytriage.core.KeyTriage;
import org.keytriage.web.ops.internal.TaskTypeViews;
import org.keytriage.core.errors.KeyTriageException;
import org.keytriage.spi.BalancingStrategyFactory;
import org.keytriage.spi.ConfigProperty;
import org.keytriage.web.console.internal.Messages;
import org.keytriage.web.engine.KeyTriageEngine;

/**
 * Task types with their keys (specialised first, then backups) and strategy; an admin switches a
 * type's strategy here (audited by the engine). Each strategy's settings are rendered from the
 * SPI's metadata with the value in force; they are set in {@code api_keys_config.json}.
 */
@Named
@ViewScoped
public class TaskTypesView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject KeyTriageEngine engine;
  @Inject ConsoleSession operator;

  /** One task type's row. */
  public record TaskTypeRow(String taskType, String strategy, List<String> specialised, List<String> backups,
      boolean configured) implements Serializable {
    public String specialisedText() {
      return specialised.isEmpty() ? "–" : String.join(", ", specialised);
    }

    public String backupsText() {
      return backups.isEmpty() ? "–" : String.join(", ", backups);
    }
  }

  /** One setting of a strategy: its metadata and the value in force. */
  public record Setting(String name, String label, String help, String type, String defaultValue, List<String> options,
      String value) implements Serializable {
    public String optionsText() {
      return options.isEmpty() ? "" : " One of: " + String.join(", ", options) + ".";
    }
  }

  /** A strategy with its settings. */
  public record StrategyRow(String id, String description, List<Setting> settings, List<String> usedBy)
      implements Serializable {
    public String usedByText() {
      return usedBy.isEmpty() ? "no task type" : String.join(", ", usedBy);
    }
  }

  private List<TaskTypeRow> rows = List.of();
  private List<StrategyRow> strategies = List.of();
  private final Map<String, String> chosen = new HashMap<>();

  @PostConstruct
  void load() {
    KeyTriage kt = engine.running();
    List<TaskTypeRow> out = new ArrayList<>();
    for (String t : new TreeSet<>(kt.taskTypes())) {
      out.add(new TaskTypeRow(t, kt.strategyOf(t), TaskTypeViews.specialised(kt, t), TaskTypeViews.backups(kt, t),
          kt.configuredTaskTypes().contains(t)));
      chosen.put(t, kt.strategyOf(t));
    }
    rows = out;
    List<StrategyRow> s = new ArrayList<>();
    for (String id : kt.strategies().ids()) {
      BalancingStrategyFactory f = kt.strategies().find(id).orElseThrow();
      Map<String, String> values = kt.config().strategySettings().getOrDefault(id, Map.of());
      List<Setting> settings = new ArrayList<>();
      for (ConfigProperty p : f.configProperties()) {
        settings.add(new Setting(p.name(), p.label(), p.helpText(), p.type().name().toLowerCase(Locale.ROOT),
            p.defaultValue(), p.options(), values.getOrDefault(p.name(), p.defaultValue())));
      }
      s.add(new StrategyRow(id, f.description(), settings,
          out.stream().filter(r -> r.strategy().equals(id)).map(TaskTypeRow::taskType).toList()));
    }
    strategies = s;
  }

  public void switchStrategy(String taskType) {
    String strategy = chosen.get(taskType);
    try {
      String who = operator.requireAdmin();
      engine.running().useStrategy(taskType, strategy, who, "console");
      Messages.info("Strategy switched", taskType + " uses " + strategy + " from its next request.");
      load();
    } catch (ConsoleRefusal | KeyTriageException | IllegalArgumentException e) {
      Messages.error("Not switched", e.getMessage());
    }
  }

  public List<TaskTypeRow> getRows() {
    return rows;
  }

  public List<StrategyRow> getStrategies() {
    return strategies;
  }

  public List<String> getStrategyIds() {
    return strategies.stream().map(StrategyRow::id).toList();
  }

  /** The strategy picked in each row's menu, before it is applied. */
  public Map<String, String> getChosen() {
    return chosen;
  }
}
