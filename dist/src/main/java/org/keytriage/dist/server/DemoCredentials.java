package org.keytriage.dist.server;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fresh credentials for one demo run: an integrator token scoped to every task type, an admin and
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
    p.put("keytriage.integrators", INTEGRATOR + ":" + PasswordHashes.sha256Hex(integratorToken) + ":*");
    p.put("keytriage.users", ADMIN + ":admin:" + PasswordHashes.pbkdf2(adminPassword.toCharArray(), iterations) + ","
        + OPS + ":ops:" + PasswordHashes.pbkdf2(opsPassword.toCharArray(), iterations));
    p.put("keytriage.default-task-type", "medical_text_analysis");
    return p;
  }

  /** No secret in logs or exceptions. */
  @Override
  public String toString() {
    return "DemoCredentials[integrator=" + INTEGRATOR + ", users=" + ADMIN + "," + OPS + "]";
  }
}
