package org.keytriage.web.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Who a test request claims to be. */
record Caller(String name, String authorization) {
  static final Caller ANONYMOUS = new Caller("anonymous", null);
  static final Caller INTEGRATOR = bearer("integrator", ItServer.EHR_TOKEN);
  static final Caller WRONG_SCOPE_INTEGRATOR = bearer("wrong-scope integrator", ItServer.BATCH_TOKEN);
  static final Caller ADMIN = basic("admin", ItServer.ADMIN, ItServer.ADMIN_PASSWORD);
  static final Caller OPS = basic("ops", ItServer.OPS, ItServer.OPS_PASSWORD);
  static final Caller WRONG_PASSWORD = basic("admin with a wrong password", ItServer.ADMIN, "not-the-password");

  static Caller bearer(String name, String token) {
    return new Caller(name, "Bearer " + token);
  }

  static Caller basic(String name, String user, String password) {
    return new Caller(name, "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public String toString() {
    return name;
  }
}
