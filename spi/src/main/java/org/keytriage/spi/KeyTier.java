package org.keytriage.spi;

/**
 * Where a key stands for a task type. The router offers every {@link #SPECIALISED} key before any
 * {@link #BACKUP} key, and lets the strategy order each tier on its own.
 */
public enum KeyTier {
  /** The key lists the task type in its {@code task_types}. */
  SPECIALISED,
  /** A general-purpose backup key ({@code is_backup: true}), used once specialised keys are full. */
  BACKUP
}
