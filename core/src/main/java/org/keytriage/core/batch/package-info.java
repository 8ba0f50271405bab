/**
 * The one batch engine: a {@link org.keytriage.core.batch.Batch} of typed-task items worked
 * through by a {@link org.keytriage.core.batch.BatchRunner} with bounded concurrency on an executor
 * the caller owns (the server's managed executor, or a library's own pool), each item run through
 * the gateway by {@link org.keytriage.core.batch.GatewayItems}. Used by the REST API's batches and
 * by the library's {@code processBatch} alike.
 */
package org.keytriage.core.batch;
