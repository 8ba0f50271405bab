package org.keytriage.spi;

/** How urgent the clinical work behind a request is; batch work is {@link #LOW}. */
public enum ClinicalPriority {
  LOW,
  NORMAL,
  HIGH
}
