package org.keytriage.web.console.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.keytriage.core.requests.SpendRow;
import org.keytriage.web.json.JsonText;

/**
 * A Chart.js line chart of spend rows (one line per group over the periods), with an optional
 * budget line, as the JSON text PrimeFaces' {@code p:chart} takes. Periods without spend for a
 * group are 0, so lines do not skip.
 */
public final class SpendChart {
  private static final String[] COLOURS = {"#1e63b5", "#d9480f", "#2f9e44", "#7048e8", "#c2255c", "#0c8599",
      "#e67700", "#5c940d", "#364fc7", "#a61e4d"};

  private SpendChart() {}

  public static String json(List<SpendRow> rows, double budgetPerPeriod, String budgetLabel) {
    TreeSet<Instant> periods = new TreeSet<>();
    Map<String, Map<Instant, Double>> byGroup = new TreeMap<>();
    for (SpendRow r : rows) {
      periods.add(r.periodStart());
      byGroup.computeIfAbsent(r.group(), g -> new TreeMap<>()).merge(r.periodStart(), r.cost(), Double::sum);
    }
    List<String> labels = periods.stream().map(Instant::toString).toList();
    List<Object> datasets = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, Map<Instant, Double>> g : byGroup.entrySet()) {
      List<Double> data = new ArrayList<>();
      for (Instant p : periods) {
        data.add(g.getValue().getOrDefault(p, 0.0));
      }
      datasets.add(dataset(g.getKey(), data, COLOURS[i++ % COLOURS.length], false));
    }
    if (budgetPerPeriod > 0 && !periods.isEmpty()) {
      List<Double> line = new ArrayList<>();
      periods.forEach(p -> line.add(budgetPerPeriod));
      datasets.add(dataset(budgetLabel, line, "#868e96", true));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("labels", labels);
    data.put("datasets", datasets);
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("animation", false);
    options.put("maintainAspectRatio", false);
    options.put("scales", Map.of("y", Map.of("beginAtZero", true, "title", Map.of("display", true, "text", "cost"))));
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("type", "line");
    chart.put("data", data);
    chart.put("options", options);
    return JsonText.write(chart);
  }

  private static Map<String, Object> dataset(String label, List<Double> data, String colour, boolean dashed) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("label", label);
    d.put("data", data);
    d.put("borderColor", colour);
    d.put("backgroundColor", colour);
    d.put("fill", false);
    d.put("tension", 0.2);
    if (dashed) {
      d.put("borderDash", List.of(6, 4));
      d.put("pointRadius", 0);
    }
    return d;
  }
}
