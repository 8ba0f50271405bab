package org.keytriage.core.cluster.internal;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig.ReconnectMode;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.core.LifecycleListener;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.keytriage.core.cluster.ClusterSettings;

/**
 * A client of an external Hazelcast cluster. Starting waits for the first connection at most the
 * client connect timeout and fails with a clear message otherwise; once connected, the client
 * reconnects in the background for ever, and while it is disconnected every operation fails at
 * once (so the failure mode decides without waiting out the timeout).
 */
public final class ClusterClient {
  private ClusterClient() {}

  /** The client configuration the settings describe, reporting connection on {@code connected}. */
  public static ClientConfig config(ClusterSettings settings, CountDownLatch connected) {
    ClientConfig config = new ClientConfig();
    config.setClusterName(settings.clusterName());
    settings.hazelcastProperties().forEach(config::setProperty);
    config.getNetworkConfig().setAddresses(new java.util.ArrayList<>(settings.members()));
    config
        .getConnectionStrategyConfig()
        .setAsyncStart(true)
        .setReconnectMode(ReconnectMode.ASYNC)
        .getConnectionRetryConfig()
        .setClusterConnectTimeoutMillis(-1) // infinite: a client that gave up would never come back
        .setMaxBackoffMillis(2_000);
    LifecycleListener onConnected =
        event -> {
          if (event.getState() == LifecycleState.CLIENT_CONNECTED) {
            connected.countDown();
          }
        };
    config.addListenerConfig(new ListenerConfig(onConnected));
    return config;
  }

  /**
   * Starts the client and waits for its first connection.
   *
   * @throws IllegalStateException when no member answered within the client connect timeout
   */
  public static HazelcastInstance start(ClusterSettings settings) {
    CountDownLatch connected = new CountDownLatch(1);
    HazelcastInstance client = HazelcastClient.newHazelcastClient(config(settings, connected));
    boolean ok;
    try {
      ok = connected.await(settings.clientConnectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ok = false;
    }
    if (!ok) {
      client.shutdown();
      throw new IllegalStateException(
          "KeyTriage could not connect to the Hazelcast cluster '" + settings.clusterName() + "' at "
              + String.join(", ", settings.members()) + " within "
              + settings.clientConnectTimeout().toMillis() + " ms. Check that the cluster is running,"
              + " that keytriage.cluster.members lists its members' addresses and"
              + " keytriage.cluster.name its cluster name, and that this node can reach them.");
    }
    return client;
  }
}
