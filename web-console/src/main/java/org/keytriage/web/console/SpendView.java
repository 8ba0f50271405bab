package org.keytriage.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.requests.SpendQuery;
import org.keytriage.core.requests.SpendRow;
import org.keytriage.web.console.internal.Messages;
import org.keytriage.web.console.internal.SpendChart;
import org.keytriage.web.engine.KeyTriageEngine;
import org.keytriage.web.history.internal.HistoryViews;
import org.keytriage.web.history.internal.Stored;

/**
 * Spend over time from the hourly roll-ups, by key, task type or integrator, per hour or day (UTC):
 * a chart with the keys' budgets as a line (daily budgets per day, hourly shares of them per hour),
 * the table behind it and its CSV.
 */
@Named
@ViewScoped
public class SpendView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject KeyTriageEngine engine;

  private LocalDate from;
  private LocalDate to;
  private SpendQuery.GroupBy groupBy = SpendQuery.GroupBy.KEY;
  private SpendQuery.Interval interval = SpendQuery.Interval.DAY;
  private boolean stored;
  private transient List<SpendRow> rows = List.of(); // read again after the view was replicated
  private String chart = "";
  private double total;

  @PostConstruct
  void init() {
    KeyTriage kt = engine.running();
    stored = kt.requestLog().isPresent();
    LocalDate today = LocalDate.ofInstant(kt.clock().instant(), ZoneOffset.UTC);
    from = today.withDayOfMonth(1);
    to = today;
    if (stored) {
      show();
    }
  }

  /** Reads the roll-ups for the range (from's first hour to the end of to) and redraws. */
  public void show() {
    if (to.isBefore(from)) {
      Messages.error("Check the dates", "From must not be after To.");
      return;
    }
    KeyTriage kt = engine.running();
    Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    rows = Stored.requestLog(kt).spend(new SpendQuery(start, end, groupBy, interval));
    total = rows.stream().mapToDouble(SpendRow::cost).sum();
    double daily = kt.keys().all().stream().mapToDouble(ApiKeyConfig::dailyBudget).sum();
    double perPeriod = interval == SpendQuery.Interval.DAY ? daily : daily / 24;
    chart = SpendChart.json(rows, groupBy == SpendQuery.GroupBy.KEY || groupBy == SpendQuery.GroupBy.TASK_TYPE
        ? perPeriod : 0, interval == SpendQuery.Interval.DAY ? "daily budgets" : "daily budgets / 24");
  }

  /** The table as CSV, the columns of {@code /api/v1/spend?format=csv}. */
  public void downloadCsv() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    external.responseReset();
    external.setResponseContentType("text/csv; charset=utf-8");
    external.setResponseHeader("Content-Disposition", "attachment; filename=\"keytriage-spend.csv\"");
    external.getResponseOutputStream().write(HistoryViews.spendCsv(getRows()).getBytes(StandardCharsets.UTF_8));
    faces.responseComplete();
  }

  public boolean isStored() {
    return stored;
  }

  public List<SpendRow> getRows() {
    if (rows == null) {
      show();
    }
    return rows;
  }

  public String getChart() {
    return chart;
  }

  public double getTotal() {
    return total;
  }

  public SpendQuery.GroupBy[] getGroupings() {
    return SpendQuery.GroupBy.values();
  }

  public SpendQuery.Interval[] getIntervals() {
    return SpendQuery.Interval.values();
  }

  public LocalDate getFrom() { return from; }
  public void setFrom(LocalDate v) { from = v; }
  public LocalDate getTo() { return to; }
  public void setTo(LocalDate v) { to = v; }
  public SpendQuery.GroupBy getGroupBy() { return groupBy; }
  public void setGroupBy(SpendQuery.GroupBy v) { groupBy = v; }
  public SpendQuery.Interval getInterval() { return interval; }
  public void setInterval(SpendQuery.Interval v) { interval = v; }

}
