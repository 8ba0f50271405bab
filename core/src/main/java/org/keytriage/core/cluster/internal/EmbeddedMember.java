package org.keytriage.core.cluster.internal;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.keytriage.core.cluster.ClusterSettings;

/**
 * Library mode's own Hazelcast member: cluster name from the settings, bound to the one configured
 * address only, joined over TCP-IP with the explicit member list; multicast and auto-detection off
 * (a hospital network must not see members appear on their own), phone-home off.
 */
public final class EmbeddedMember {
  private EmbeddedMember() {}

  /** The member configuration the settings describe. */
  public static Config config(ClusterSettings settings, GridMaps maps) {
    Config config = new Config();
    config.setClusterName(settings.clusterName());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    // bind only to the configured interface, not to every interface (Hazelcast's default)
    config.setProperty("hazelcast.socket.bind.any", "false");
    settings.hazelcastProperties().forEach(config::setProperty);

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(settings.portAutoIncrement());
    network.getInterfaces().setEnabled(true).addInterface(settings.bindAddress());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());

    config.getJetConfig().setEnabled(false);
    maps.addTo(config);
    return config;
  }

  /** Starts the member; it joins the listed members that are up, or forms a cluster alone. */
  public static HazelcastInstance start(ClusterSettings settings, GridMaps maps) {
    return Hazelcast.newHazelcastInstance(config(settings, maps));
  }
}
