package org.keytriage.web.console;

/** A console action the signed-in operator may not take; its message says why, for the page. */
public class ConsoleRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConsoleRefusal(String message) {
    super(message);
  }
}
