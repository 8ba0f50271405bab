package org.keytriage.spi;

/**
 * How urgent the clinical work behind a request is. Each level changes routing:
 *
 * <ul>
 *   <li>{@link #LOW} (batch work): may fill each key's window only up to the engine's low-priority
 *       share (default 80 % of its RPM and TPM), so bulk work never takes the capacity that
 *       interactive work needs;
 *   <li>{@link #NORMAL}: the whole window, keys in the strategy's order;
 *   <li>{@link #HIGH} (urgent work, e.g. a report a clinician waits for): the whole window, and
 *       the lowest-latency key with room first within each tier, as for a latency-sensitive
 *       request.
 * </ul>
 */
public enum ClinicalPriority {
  LOW,
  NORMAL,
  HIGH
}
