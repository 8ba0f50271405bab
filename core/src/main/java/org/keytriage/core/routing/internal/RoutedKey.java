package org.keytriage.core.routing.internal;

import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.keys.KeyState;
import org.keytriage.core.ledger.KeyLimits;

/** A configured key with what the router derives from its config once, not per request. */
record RoutedKey(ApiKeyConfig config, KeyLimits limits, KeyState initialState) {

  static RoutedKey of(ApiKeyConfig config) {
    return new RoutedKey(
        config, new KeyLimits(config.maxRpm(), config.maxTpm()), KeyState.initial(config.active()));
  }

  String id() {
    return config.keyId();
  }
}
