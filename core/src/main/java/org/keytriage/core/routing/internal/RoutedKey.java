package org.keytriage.core.routing.internal;

import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.keys.KeyState;
import org.keytriage.core.ledger.KeyLimits;
import org.keytriage.spi.ClinicalPriority;

/** A configured key with what the router derives from its config once, not per request. */
record RoutedKey(ApiKeyConfig config, KeyLimits limits, KeyState initialState) {

  static RoutedKey of(ApiKeyConfig config) {
    return new RoutedKey(
        config, new KeyLimits(config.maxRpm(), config.maxTpm()), KeyState.initial(config.active()));
  }

  String id() {
    return config.keyId();
  }

  /**
   * The limits a request may fill: the key's own, or for low clinical priority only {@code share}
   * of them (at least 1), which leaves the rest of every window to interactive work.
   */
  KeyLimits limitsFor(ClinicalPriority priority, double share) {
    if (priority != ClinicalPriority.LOW || share >= 1.0) {
      return limits;
    }
    return new KeyLimits(
        Math.max(1, (long) (limits.maxRpm() * share)), Math.max(1, (long) (limits.maxTpm() * share)));
  }
}
