package org.keytriage.simulator;

/**
 * A scenario that cannot be read or makes no sense. The message names the file or field at fault,
 * so it can be shown to a person as it is.
 */
public class ScenarioException extends RuntimeException {
  public ScenarioException(String message) {
    super(message);
  }

  public ScenarioException(String message, Throwable cause) {
    super(message, cause);
  }
}
