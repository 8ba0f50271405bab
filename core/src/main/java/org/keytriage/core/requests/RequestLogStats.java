package org.keytriage.core.requests;

/**
 * What the request log writer has done since start.
 *
 * @param written rows the store took
 * @param waiting rows waiting to be written
 * @param dropped rows lost because too many were waiting (the store was down or too slow)
 * @param failedWrites batches the store refused (each retried)
 */
public record RequestLogStats(long written, long waiting, long dropped, long failedWrites) {}
