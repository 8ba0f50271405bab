package org.keytriage.core.requests;

import java.time.Instant;

/**
 * Spend of one group in one bucket.
 *
 * @param periodStart the bucket's first instant (UTC hour or day)
 * @param group the key id, task type or integrator
 * @param requests requests served (or failed with a cost) in it
 * @param promptTokens prompt tokens booked
 * @param completionTokens completion tokens booked
 * @param cost cost booked
 */
public record SpendRow(
    Instant periodStart, String group, long requests, long promptTokens, long completionTokens, double cost) {}
