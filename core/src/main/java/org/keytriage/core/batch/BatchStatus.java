package org.keytriage.core.batch;

import java.util.Locale;

/** Where a batch is: items still to run, all ended, or stopped by its owner. */
public enum BatchStatus {
  RUNNING, COMPLETED, CANCELLED;

  /** The lower-case name used in JSON. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
