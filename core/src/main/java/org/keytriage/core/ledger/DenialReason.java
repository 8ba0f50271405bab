package org.keytriage.core.ledger;

/** Why a reservation was refused. */
public enum DenialReason {
  /** The window already holds {@code max_rpm} requests. */
  RPM_LIMIT,
  /** The window's tokens plus the estimate would exceed {@code max_tpm}. */
  TPM_LIMIT,
  /** The estimate alone exceeds {@code max_tpm}: this key can never take the request. */
  REQUEST_TOO_LARGE
}
