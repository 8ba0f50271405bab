package org.keytriage.simulator.internal;

/** A request body the simulator refuses with 400; the message is shown to the client. */
public final class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadRequest(String message) {
    super(message, null, false, false);
  }
}
