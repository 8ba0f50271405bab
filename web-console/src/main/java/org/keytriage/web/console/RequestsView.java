package org.keytriage.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.keytriage.core.requests.RequestQuery;
import org.keytriage.core.requests.RequestRecord;
import org.keytriage.web.console.internal.Messages;
import org.keytriage.web.console.internal.RequestLogModel;
import org.keytriage.web.console.internal.UtcTimes;
import org.keytriage.web.engine.KeyTriageEngine;
import org.keytriage.web.history.internal.Stored;

/**
 * The request log, filtered by time, task type, key, integrator and outcome, a page at a time:
 * one row per client request with its attempts, tokens, cost, latency and outcome; never content.
 */
@Named
@ViewScoped
public class RequestsView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject KeyTriageEngine engine;

  private LocalDateTime from;
  private LocalDateTime to;
  private String taskType;
  private String keyId;
  private String integrator;
  private String outcome;
  private transient RequestLogModel model;
  private boolean stored;

  @PostConstruct
  void init() {
    stored = engine.running().requestLog().isPresent();
  }

  RequestQuery query() {
    if (from != null && to != null && !from.isBefore(to)) {
      to = null; // search() said so; the table shows everything from From on
    }
    return new RequestQuery(UtcTimes.instant(from), UtcTimes.instant(to), blankToNull(taskType), blankToNull(keyId),
        blankToNull(integrator), blankToNull(outcome), 0, RequestQuery.DEFAULT_LIMIT);
  }

  /** Applies the filters (the table reloads from its first page). */
  public void search() {
    if (from != null && to != null && !from.isBefore(to)) {
      Messages.error("Check the time range", "From must be before To.");
    }
  }

  public RequestLogModel getModel() {
    if (model == null) {
      model = new RequestLogModel(() -> Stored.requestLog(engine.running()), this::query);
    }
    return model;
  }

  public boolean isStored() {
    return stored;
  }

  public List<String> getTaskTypes() {
    return new ArrayList<>(new TreeSet<>(engine.running().taskTypes()));
  }

  public List<String> getKeyIds() {
    return engine.running().keys().all().stream().map(k -> k.keyId()).sorted().toList();
  }

  public List<String> getOutcomes() {
    List<String> out = new ArrayList<>(List.of(RequestRecord.OK));
    for (org.keytriage.core.errors.ErrorCode c : org.keytriage.core.errors.ErrorCode.values()) {
      out.add(c.code());
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public LocalDateTime getFrom() { return from; }
  public void setFrom(LocalDateTime v) { from = v; }
  public LocalDateTime getTo() { return to; }
  public void setTo(LocalDateTime v) { to = v; }
  public String getTaskType() { return taskType; }
  public void setTaskType(String v) { taskType = v; }
  public String getKeyId() { return keyId; }
  public void setKeyId(String v) { keyId = v; }
  public String getIntegrator() { return integrator; }
  public void setIntegrator(String v) { integrator = v; }
  public String getOutcome() { return outcome; }
  public void setOutcome(String v) { outcome = v; }
}
