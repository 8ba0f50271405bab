package org.keytriage.web.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.audit.AuditRecord;
import org.keytriage.core.integrators.IntegratorToken;
import org.keytriage.core.integrators.IntegratorTokenStore;
import org.keytriage.web.engine.KeyTriageEngine;
import org.keytriage.web.errors.ApiException;
import org.keytriage.web.ops.internal.IntegratorRequest;
import org.keytriage.web.security.Integrator;
import org.keytriage.web.security.Integrators;
import org.keytriage.web.security.internal.RunTimeIntegrators;

/**
 * Integrator tokens created, listed and revoked at run time, for the API and the console alike:
 * a new token is random, shown once and stored as its SHA-256 only; each change reloads this
 * node's tokens (other nodes see it within a second) and is audited with the operator's name.
 */
@ApplicationScoped
public class IntegratorTokens {
  private static final Logger LOG = Logger.getLogger(IntegratorTokens.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject KeyTriageEngine engine;
  @Inject Integrators integrators;
  @Inject RunTimeIntegrators runTime;

  /** A token just made: what is stored, and the token itself, to be shown once. */
  public record Created(IntegratorToken stored, String token) {}

  /** Whether tokens can be created here (a store is configured). */
  public boolean available() {
    return runTime.store().isPresent();
  }

  /** The integrators of {@code keytriage.integrators}: read-only. */
  public List<Integrator> configured() {
    return integrators.all().stream().filter(i -> i.tokenId().isEmpty()).toList();
  }

  /** The tokens created at run time, revoked and expired ones included. */
  public List<IntegratorToken> stored() {
    return runTime.store().map(IntegratorTokenStore::all).orElse(List.of());
  }

  /**
   * @param body {@code name}, {@code task_types} (a list, {@code ["*"]} for all), optional {@code expires_at}
   * @throws ApiException 400 naming the field, 404 without a store, 409 for a configured name
   */
  public Created create(Map<String, Object> body, String who) {
    IntegratorTokenStore store = store();
    KeyTriage kt = engine.running();
    IntegratorRequest request = IntegratorRequest.read(body, kt.taskTypes(), kt.clock().instant());
    if (integrators.isConfigured(request.name())) {
      throw new ApiException(409, "integrator_conflict", "Integrator exists",
          "An integrator named '" + request.name() + "' is in keytriage.integrators; choose another name.");
    }
    String token = "kt-" + randomPart();
    IntegratorToken stored = new IntegratorToken(UUID.randomUUID().toString(), request.name(), request.taskTypes(),
        Integrators.sha256Hex(token), kt.clock().instant(), who, request.expiresAt(), null, null);
    store.create(stored);
    runTime.reload();
    audit(who, "integrator.created", stored, Map.of("task_types", String.join("|", new TreeSet<>(
        stored.taskTypes())), "expires_at", stored.expiry().map(Object::toString).orElse("")));
    LOG.log(Level.INFO, "Integrator token {0} ({1}) created by {2}", new Object[] {stored.id(), stored.name(), who});
    return new Created(stored, token);
  }

  /**
   * @throws ApiException 404 for an id that is no run-time token, or without a store
   */
  public IntegratorToken revoke(String id, String who) {
    IntegratorTokenStore store = store();
    try {
      store.revoke(id, engine.running().clock().instant());
    } catch (NoSuchElementException e) {
      throw ApiException.notFound("unknown_integrator", "Unknown integrator token",
          "No integrator token created at run time has the id '" + id + "'. Integrators of keytriage.integrators"
              + " are read-only: remove them from the setting.");
    }
    runTime.reload();
    IntegratorToken revoked = store.all().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    audit(who, "integrator.revoked", revoked, Map.of());
    LOG.log(Level.INFO, "Integrator token {0} ({1}) revoked by {2}", new Object[] {id, revoked.name(), who});
    return revoked;
  }

  private IntegratorTokenStore store() {
    return runTime.store().orElseThrow(() -> ApiException.notFound("store_disabled", "Nothing is stored",
        "Integrator tokens can be created at run time only with a store: keytriage.db.enabled is false."));
  }

  private void audit(String who, String action, IntegratorToken t, Map<String, String> details) {
    KeyTriage kt = engine.running();
    Map<String, String> all = new LinkedHashMap<>(details);
    all.put("name", t.name());
    kt.audit().ifPresent(a -> a.recordNow(new AuditRecord(kt.clock().instant(), who, action, t.id(), all)));
  }

  private static String randomPart() {
    byte[] raw = new byte[24];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  /** The task types a token or integrator may use, sorted, for lists. */
  public static List<String> sorted(java.util.Collection<String> taskTypes) {
    return new ArrayList<>(new TreeSet<>(taskTypes));
  }
}
