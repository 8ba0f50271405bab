package org.keytriage.web.ops.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.plugin.PluginProblem;
import org.keytriage.spi.BalancingStrategyFactory;
import org.keytriage.spi.ConfigProperty;

/** The discovered balancing strategies with their settings' metadata, for a console form. */
public final class StrategyViews {
  private final KeyTriage keyTriage;

  public StrategyViews(KeyTriage keyTriage) {
    this.keyTriage = keyTriage;
  }

  public Map<String, Object> all() {
    List<Map<String, Object>> strategies = new ArrayList<>();
    for (String id : keyTriage.strategies().ids()) {
      BalancingStrategyFactory f = keyTriage.strategies().find(id).orElseThrow();
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("id", f.id());
      s.put("description", f.description());
      s.put("order", f.order());
      s.put("implementation", f.getClass().getName());
      List<Map<String, Object>> props = new ArrayList<>();
      for (ConfigProperty p : f.configProperties()) {
        props.add(property(p));
      }
      s.put("config_properties", props);
      s.put("settings", keyTriage.config().strategySettings().getOrDefault(id, Map.of()));
      s.put("used_by", keyTriage.taskTypes().stream()
          .filter(t -> id.equals(keyTriage.strategyOf(t))).toList());
      strategies.add(s);
    }
    List<Map<String, Object>> problems = new ArrayList<>();
    for (PluginProblem p : keyTriage.strategies().problems()) {
      problems.add(Map.of("contract", p.contract(), "provider", p.provider(), "message", p.message()));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("default_strategy", keyTriage.config().defaultStrategy());
    out.put("strategies", strategies);
    out.put("problems", problems);
    return out;
  }

  static Map<String, Object> property(ConfigProperty p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", p.name());
    m.put("label", p.label());
    m.put("help_text", p.helpText());
    m.put("type", p.type().name().toLowerCase(Locale.ROOT));
    m.put("default_value", p.defaultValue());
    m.put("options", p.options());
    return m;
  }
}
