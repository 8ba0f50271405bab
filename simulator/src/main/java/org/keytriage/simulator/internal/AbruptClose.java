package org.keytriage.simulator.internal;

/**
 * Thrown out of a handler to make the JDK server drop the connection without finishing the
 * response: no final chunk, no {@code [DONE]}. Closing the exchange instead would end a chunked
 * body cleanly, which is not what a broken stream or a hang looks like to a client.
 */
public final class AbruptClose extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AbruptClose(String why) {
    super(why, null, false, false);
  }
}
