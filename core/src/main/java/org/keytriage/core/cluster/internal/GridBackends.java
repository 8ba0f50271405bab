package org.keytriage.core.cluster.internal;

import com.hazelcast.core.HazelcastInstance;
import java.time.Clock;
import org.keytriage.core.cluster.ClusterSettings;
import org.keytriage.core.cluster.FailureMode;
import org.keytriage.core.keys.KeyState;
import org.keytriage.core.keys.KeyStateStore;
import org.keytriage.core.ledger.UsageLedger;
import org.keytriage.core.ledger.UsageWindow;

/** Builds the Hazelcast backends for a cluster mode. The only place that creates instances. */
public final class GridBackends {
  private GridBackends() {}

  /** Starts (or looks up) the instance the settings' mode names, and the backends on it. */
  public static Backends start(ClusterSettings settings, Clock clock) {
    GridMaps maps = new GridMaps(settings.mapPrefix());
    return switch (settings.mode()) {
      case EMBEDDED -> {
        HazelcastInstance hz = EmbeddedMember.start(settings, maps);
        yield on(hz, settings, clock, true, "embedded member");
      }
      case CLIENT -> {
        HazelcastInstance hz = ClusterClient.start(settings);
        maps.addTo(hz);
        yield on(hz, settings, clock, true, "client");
      }
      case JNDI -> {
        HazelcastInstance hz = JndiInstance.lookup(settings.jndiName());
        maps.addTo(hz);
        yield on(hz, settings, clock, false, "JNDI " + settings.jndiName());
      }
      case IN_PROCESS -> throw new IllegalArgumentException("in-process mode needs no grid");
    };
  }

  /** The backends on an instance the host owns (Payara's, a test's); never shut down here. */
  public static Backends provided(HazelcastInstance hz, ClusterSettings settings, Clock clock) {
    new GridMaps(settings.mapPrefix()).addTo(hz);
    return on(hz, settings, clock, false, "provided instance");
  }

  private static Backends on(
      HazelcastInstance hz, ClusterSettings settings, Clock clock, boolean owned, String how) {
    GridMaps maps = new GridMaps(settings.mapPrefix());
    GridCall calls = new GridCall(settings.operationTimeout(), describe(hz, settings, how), settings.failureMode());
    com.hazelcast.map.IMap<String, UsageWindow> windows = hz.getMap(maps.usage());
    com.hazelcast.map.IMap<String, KeyState> states = hz.getMap(maps.keyStates());
    UsageLedger ledger = new HazelcastUsageLedger(windows, clock, calls, settings.usageReadMaxAge());
    KeyStateStore keyStates = new HazelcastKeyStateStore(states, calls);
    if (settings.failureMode() == FailureMode.DEGRADE) {
      ledger = new DegradingUsageLedger(ledger, settings.degradedShare(), settings.degradedRecheck(), System::nanoTime);
      keyStates = new DegradingKeyStateStore(keyStates, settings.degradedRecheck(), System::nanoTime);
    }
    HazelcastSpendStore spend =
        new HazelcastSpendStore(
            hz.getMap(maps.budgetSpend()), calls, settings.failureMode(), settings.usageReadMaxAge(), System::nanoTime);
    HazelcastCounterExchange counters =
        new HazelcastCounterExchange(
            hz.getMap(maps.memberMetrics()), hz.getLocalEndpoint().getUuid().toString(), calls, settings.metricsPublishInterval());
    HazelcastStrategyChoiceStore strategyChoices =
        new HazelcastStrategyChoiceStore(hz.getMap(maps.strategyChoices()), calls);
    HazelcastKeyCatalogStore keyCatalog = new HazelcastKeyCatalogStore(hz.getMap(maps.keyCatalog()), calls);
    Runnable shutdown =
        () -> {
          counters.close();
          strategyChoices.close();
          keyCatalog.close();
          spend.close(); // bookings sent without waiting reach the grid before it goes
          if (owned) {
            hz.shutdown();
          }
        };
    return new Backends(ledger, keyStates, spend, counters, strategyChoices, keyCatalog, hz, calls.operations(), shutdown);
  }

  private static String describe(HazelcastInstance hz, ClusterSettings settings, String how) {
    if (!owned(how)) {
      return "Hazelcast instance '" + hz.getName() + "' (" + how + ")";
    }
    return "Hazelcast cluster '" + settings.clusterName() + "' (" + how + ", members "
        + String.join(", ", settings.members()) + ")";
  }

  private static boolean owned(String how) {
    return how.equals("embedded member") || how.equals("client");
  }
}
