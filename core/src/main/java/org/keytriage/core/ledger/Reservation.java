package org.keytriage.core.ledger;

import java.io.Serializable;

/**
 * Capacity held on a key: one request and {@code tokens} tokens, booked in the slot of second
 * {@code slotSecond}. Settle or release it exactly once.
 *
 * @param keyId the key
 * @param slotSecond epoch second of the slot the reservation was booked in
 * @param tokens the tokens reserved
 */
public record Reservation(String keyId, long slotSecond, long tokens) implements Serializable {}
