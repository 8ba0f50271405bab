package org.keytriage.simulator.internal;

/**
 * The rate limiter's verdict on one request, with the time it was judged.
 *
 * @param at the clock reading the verdict was made at (the witness timestamp)
 * @param admitted whether the request goes ahead
 * @param plan for an admitted request, what to do with it; null otherwise
 * @param tokens the tokens charged to the key (and recorded by the witness)
 * @param retryAfterSeconds for a refused request, the Retry-After value
 * @param reason for a refused request, why, in words
 */
public record Admission(
    long at,
    boolean admitted,
    ResponsePlan plan,
    long tokens,
    int retryAfterSeconds,
    String reason) {}
