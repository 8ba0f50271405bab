package org.keytriage.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.ConfigException;
import org.keytriage.core.config.KeyEntries;
import org.keytriage.core.config.Secret;
import org.keytriage.core.errors.KeyTriageException;
import org.keytriage.web.console.internal.KeyForm;
import org.keytriage.web.console.internal.KeyRow;
import org.keytriage.web.console.internal.Messages;
import org.keytriage.web.engine.KeyTriageEngine;
import org.keytriage.web.json.JsonText;

/**
 * The keys page: every key with masked secret, limits, live usage and state; and, for an admin,
 * add, edit, activate/deactivate, restore, rotate and retire. The form is checked by the
 * configuration loader, whose messages appear next to the fields. Changes go through the key
 * registry, which audits them with the operator's name and reason.
 */
@Named
@ViewScoped
public class KeysView implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(KeysView.class.getName());
  private static final String FORM = "keyForm";
  private static final String SOURCE = "the form";

  @Inject KeyTriageEngine engine;
  @Inject ConsoleSession operator;

  private transient List<KeyRow> rows; // live figures: read again, never replicated
  private KeyForm form = new KeyForm();
  private String editing; // the key being edited; null while adding
  private String rotating;
  private String newSecret;
  private String reason;

  @PostConstruct
  void load() {
    rows = KeyRow.all(engine.running());
  }

  /** Re-reads usage and state; the page polls it. */
  public void refresh() {
    load();
  }

  public void startAdd() {
    editing = null;
    form = new KeyForm();
    reason = null;
  }

  public void startEdit(String keyId) {
    editing = keyId;
    form = KeyForm.of(engine.running().key(keyId));
    reason = null;
  }

  public void save() {
    KeyTriage kt = engine.running();
    try {
      String who = operator.requireAdmin();
      if (editing == null) {
        if (!form.hasApiKey()) {
          Messages.field(FORM + ":apiKey", "Enter the key's secret, as NVIDIA issued it.");
          return;
        }
        ApiKeyConfig key = KeyEntries.read(form.newKeyJson(), kt.taskTypes(), SOURCE);
        kt.keys().add(key, who, reason);
        log("added", key.keyId(), who);
        Messages.info("Key added", key.keyId() + " serves from the next request; its secret is stored encrypted"
            + " and never shown again.");
      } else {
        String changes = form.changesJson();
        ApiKeyConfig changed = KeyEntries.change(kt.key(editing), changes, kt.taskTypes(), SOURCE);
        kt.keys().change(changed, who, reason);
        if (kt.state(editing).active() != changed.active()) {
          kt.keys().setActive(editing, changed.active(), who, reason);
        }
        log("changed", editing, who);
        Messages.info("Key changed", editing + " uses the new settings from its next request.");
      }
      load();
    } catch (ConfigException e) {
      Messages.problems(e, FORM, KeyForm.COMPONENTS);
    } catch (ConsoleRefusal | KeyTriageException e) {
      Messages.error("Not saved", e.getMessage());
    }
  }

  public void startRotate(String keyId) {
    rotating = keyId;
    newSecret = null;
    reason = null;
  }

  public void rotate() {
    KeyTriage kt = engine.running();
    String secret = newSecret;
    newSecret = null;
    try {
      String who = operator.requireAdmin();
      Secret next = KeyEntries.rotation(kt.key(rotating), JsonText.write(java.util.Map.of("api_key",
          secret == null ? "" : secret)), kt.taskTypes(), SOURCE);
      kt.keys().rotate(rotating, next, who, reason);
      log("rotated", rotating, who);
      Messages.info("Key rotated", rotating + " uses the new secret from now on; calls in flight finish on the old one,"
          + " which is then destroyed.");
      load();
    } catch (ConfigException e) {
      Messages.problems(e, "rotateForm", java.util.Map.of("api_key", "newSecret"));
    } catch (ConsoleRefusal | KeyTriageException e) {
      Messages.error("Not rotated", e.getMessage());
    }
  }

  public void activate(String keyId) {
    act(keyId, "activated", who -> engine.running().keys().setActive(keyId, true, who, "console"));
  }

  public void deactivate(String keyId) {
    act(keyId, "deactivated", who -> engine.running().keys().setActive(keyId, false, who, "console"));
  }

  public void restore(String keyId) {
    act(keyId, "restored", who -> engine.running().keys().restore(keyId, who, "console"));
  }

  public void retire(String keyId) {
    act(keyId, "retired", who -> engine.running().keys().retire(keyId, who, "console"));
  }

  private void act(String keyId, String what, java.util.function.Consumer<String> change) {
    try {
      String who = operator.requireAdmin();
      engine.running().key(keyId); // an unknown key is refused before anything changes
      change.accept(who);
      log(what, keyId, who);
      Messages.info("Key " + what, keyId + " " + what + ".");
      load();
    } catch (ConsoleRefusal | KeyTriageException e) {
      Messages.error("Not done", e.getMessage());
    }
  }

  private static void log(String what, String keyId, String who) {
    LOG.log(Level.INFO, "Key {0} {1} by {2} in the console", new Object[] {keyId, what, who});
  }

  public List<KeyRow> getRows() {
    if (rows == null) {
      load();
    }
    return rows;
  }

  public List<String> getTaskTypes() {
    return new ArrayList<>(new java.util.TreeSet<>(engine.running().taskTypes()));
  }

  public KeyForm getForm() {
    return form;
  }

  public boolean isAdding() {
    return editing == null;
  }

  public String getEditing() {
    return editing;
  }

  public String getRotating() {
    return rotating;
  }

  /** Never rendered back into the page. */
  public String getNewSecret() {
    return null;
  }

  public void setNewSecret(String value) {
    this.newSecret = value;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String value) {
    this.reason = value;
  }
}
