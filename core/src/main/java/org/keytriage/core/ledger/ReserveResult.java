package org.keytriage.core.ledger;

import java.io.Serializable;

/**
 * The answer to a reservation: admitted with a {@link Reservation}, or denied with the reason and
 * how long until capacity frees for a request of this size.
 *
 * @param reservation the held capacity, or {@code null} when denied
 * @param denialReason why it was denied, or {@code null} when admitted
 * @param retryAfterMillis when denied, milliseconds until a request of the same size would fit; 0
 *     when admitted; {@link Long#MAX_VALUE} for {@link DenialReason#REQUEST_TOO_LARGE}
 * @param usage the key's usage after the decision
 */
public record ReserveResult(
    Reservation reservation, DenialReason denialReason, long retryAfterMillis, UsageSnapshot usage)
    implements Serializable {

  public static ReserveResult admitted(Reservation reservation, UsageSnapshot usage) {
    return new ReserveResult(reservation, null, 0, usage);
  }

  public static ReserveResult denied(DenialReason reason, long retryAfterMillis, UsageSnapshot usage) {
    return new ReserveResult(null, reason, retryAfterMillis, usage);
  }

  public boolean isAdmitted() {
    return reservation != null;
  }
}
