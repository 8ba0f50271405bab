package org.keytriage.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.keytriage.core.integrators.IntegratorToken;
import org.keytriage.web.console.internal.Messages;
import org.keytriage.web.engine.KeyTriageEngine;
import org.keytriage.web.errors.ApiException;
import org.keytriage.web.ops.IntegratorTokens;
import org.keytriage.web.security.Integrator;

/**
 * Integrators: those of {@code keytriage.integrators} (read-only) and the tokens made at run time
 * with scope, expiry, creator and last use. An admin creates a token (shown once, on this page,
 * until it is left) and revokes one.
 */
@Named
@ViewScoped
public class IntegratorsView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject IntegratorTokens tokens;
  @Inject KeyTriageEngine engine;
  @Inject ConsoleSession operator;

  /** One integrator as listed. */
  public record Row(String id, String name, String taskTypes, String source, String createdAt, String createdBy,
      String lastUsedAt, String expiresAt, String revokedAt) implements Serializable {
    public boolean revocable() {
      return id != null && revokedAt == null;
    }
  }

  private List<Row> rows = List.of();
  private String name;
  private List<String> taskTypes = new ArrayList<>();
  private LocalDate expires;
  private String shownToken; // the token just created, for this view only

  @PostConstruct
  void load() {
    List<Row> out = new ArrayList<>();
    for (Integrator i : tokens.configured()) {
      out.add(new Row(null, i.name(), String.join(", ", IntegratorTokens.sorted(i.taskTypes())), "configuration",
          null, null, null, null, null));
    }
    for (IntegratorToken t : tokens.stored()) {
      out.add(new Row(t.id(), t.name(), String.join(", ", IntegratorTokens.sorted(t.taskTypes())), "store",
          text(t.createdAt()), t.createdBy(), text(t.lastUsedAt()), text(t.expiresAt()), text(t.revokedAt())));
    }
    rows = out;
  }

  public void create() {
    try {
      String who = operator.requireAdmin();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", name == null ? "" : name.trim());
      body.put("task_types", taskTypes == null ? List.of() : new ArrayList<>(taskTypes));
      if (expires != null) {
        body.put("expires_at", expires.toString());
      }
      IntegratorTokens.Created created = tokens.create(body, who);
      shownToken = created.token();
      Messages.info("Token created", "Copy it now: it is shown only here, and KeyTriage keeps only its SHA-256.");
      name = null;
      taskTypes = new ArrayList<>();
      expires = null;
      load();
    } catch (ApiException e) {
      Messages.error("Not created", e.getMessage());
    } catch (ConsoleRefusal e) {
      Messages.error("Not created", e.getMessage());
    }
  }

  public void revoke(String id) {
    try {
      IntegratorToken t = tokens.revoke(id, operator.requireAdmin());
      Messages.info("Token revoked", t.name() + "'s token is refused on every node within a second.");
      load();
    } catch (ApiException | ConsoleRefusal e) {
      Messages.error("Not revoked", e.getMessage());
    }
  }

  /** Forgets the token shown; the page calls it when the operator says it was copied. */
  public void dismissToken() {
    shownToken = null;
  }

  private static String text(Object at) {
    return at == null ? null : at.toString();
  }

  public boolean isAvailable() {
    return tokens.available();
  }

  public List<Row> getRows() {
    return rows;
  }

  public List<String> getTaskTypeChoices() {
    List<String> out = new ArrayList<>(List.of(Integrator.ALL_TASK_TYPES));
    out.addAll(new TreeSet<>(engine.running().taskTypes()));
    return out;
  }

  public String getShownToken() {
    return shownToken;
  }

  public String getName() { return name; }
  public void setName(String v) { name = v; }
  public List<String> getTaskTypes() { return taskTypes; }
  public void setTaskTypes(List<String> v) { taskTypes = v; }
  public LocalDate getExpires() { return expires; }
  public void setExpires(LocalDate v) { expires = v; }
}
