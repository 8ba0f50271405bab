package org.keytriage.store.internal;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.keytriage.core.keys.KeySwitchStore;

/** Operators' key switches in the database. */
public final class JpaKeySwitches implements KeySwitchStore {
  private final Jpa jpa;
  private final Clock clock;

  public JpaKeySwitches(Jpa jpa, Clock clock) {
    this.jpa = jpa;
    this.clock = clock;
  }

  @Override
  public Map<String, Boolean> switches() {
    Map<String, Boolean> out = new TreeMap<>();
    jpa.read(em -> em.createQuery("SELECT s FROM KeySwitchRow s", KeySwitchRow.class).getResultList())
        .forEach(r -> out.put(r.keyId, r.active));
    return out;
  }

  @Override
  public void record(String keyId, boolean active) {
    jpa.run(em -> {
      KeySwitchRow row = em.find(KeySwitchRow.class, keyId);
      if (row == null) {
        row = new KeySwitchRow(keyId);
        em.persist(row);
      }
      row.active = active;
      row.updatedAtMs = clock.millis();
    });
  }
}
