package org.keytriage.dist.server;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keytriage.spi.TaskTypes;

/**
 * Fresh credentials for one demo run: an integrator token scoped to the six task types, an admin and
 * an ops account with random passwords. Only their hashes go into the server's settings.
 */
public record DemoCredentials(String integratorToken, String adminPassword, String opsPassword) {
  public static final String INTEGRATOR = "demo";
  public static final String ADMIN = "admin";
  public static final String OPS = "ops";

  public static DemoCredentials random() {
    return new DemoCredentials(PasswordHashes.randomToken("kt-demo-", 24), PasswordHashes.randomToken("", 12),
        PasswordHashes.randomToken("", 12));
  }

  /** The web application's settings for the demo: config folder, integrator, accounts, default task type. */
  public Map<String, String> serverProperties(Path configDir) {
    // fewer iterations than a real deployment: the demo's passwords live for one run, start-up should not wait
    int iterations = 100_000;
    Map<String, String> p = new LinkedHashMap<>();
    p.put("keytriage.config-dir", configDir.toAbsolutePath().toString());
    // the six task types by name, not '*': the demo shows what a real integrator entry looks like
    p.put("keytriage.integrators", INTEGRATOR + ":" + PasswordHashes.sha256Hex(integratorToken) + ":" + scope());
    p.put("keytriage.users", ADMIN + ":admin:" + PasswordHashes.pbkdf2(adminPassword.toCharArray(), iterations) + ","
        + OPS + ":ops:" + PasswordHashes.pbkdf2(opsPassword.toCharArray(), iterations));
    p.put("keytriage.default-task-type", "medical_text_analysis");
    return p;
  }

  /** The demo integrator's scope: the six built-in task types, {@code |}-separated. */
  public static String scope() {
    return String.join("|", TaskTypes.BUILT_IN);
  }

  /** No secret in logs or exceptions. */
  @Override
  public String toString() {
    return "DemoCredentials[integrator=" + INTEGRATOR + ", users=" + ADMIN + "," + OPS + "]";
  }
}
