package org.keytriage.dist;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.alerts.RecentAlerts;
import org.keytriage.core.config.ConfigLoader;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.simulator.NvidiaSimulator;
import org.keytriage.simulator.SimulatorConfig;
import org.keytriage.spi.TaskTypes;
import org.keytriage.strategies.BuiltInStrategies;

/**
 * {@code ./keytriage library-demo}: starts the simulator, loads the demo configuration through the same
 * loader a hospital's files go through, drives the workload and prints the report.
 *
 * <p>Options: {@code --requests N} (default 300), {@code --threads N} (default 8), {@code
 * --simulator-port N} (default 0: any free port).
 */
public final class DemoMain {
  /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
  private static final Logger QUIET = Logger.getLogger("org.keytriage");

  private DemoMain() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(DemoOptions.parse(args), System.out));
  }

  static int run(DemoOptions options, PrintStream out) throws InterruptedException {
    // the report shows alerts in their own section; log lines would tear the progress line apart
    QUIET.setLevel(Level.SEVERE);
    SimulatorConfig simConfig =
        SimulatorConfig.builder().port(options.simulatorPort()).scenario("classpath:scenarios/demo.json").build();
    try (NvidiaSimulator simulator = NvidiaSimulator.start(simConfig);
        DemoFiles files = DemoFiles.extract()) {
      out.println("NVIDIA simulator (demo upstream): " + simulator.baseUri());
      Map<String, String> env = new HashMap<>(System.getenv());
      env.put("KEYTRIAGE_UPSTREAM_URL", simulator.baseUri().toString());
      KeyTriageConfig config =
          ConfigLoader.builder()
              .configFile(files.configFile())
              .envFile(files.envFile())
              .environment(env)
              .knownTaskTypes(new java.util.HashSet<>(TaskTypes.BUILT_IN))
              .knownStrategies(java.util.Set.copyOf(BuiltInStrategies.ALL))
              .build()
              .load();
      RecentAlerts alerts = new RecentAlerts();
      try (KeyTriage keyTriage = KeyTriage.builder(config).alerts(alerts).build()) {
        out.printf("KeyTriage: %d keys, %d task types; driving %d requests from %d threads%n",
            config.apiKeys().size(), TaskTypes.BUILT_IN.size(), options.requests(), options.threads());
        DemoWorkload workload = new DemoWorkload(keyTriage.gateway(), options.requests(), options.threads(), out);
        workload.run();
        new DemoReport(keyTriage, out).print(workload, alerts);
        workload.failures().stream().limit(5).forEach(f -> out.println("  failure: " + f));
        return workload.failedCount() == 0 ? 0 : 1;
      }
    }
  }
}
