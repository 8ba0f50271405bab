/**
 * Batches, {@code /api/v1/batches}: an integrator submits up to {@code keytriage.batch.max-items}
 * inputs of one task type, gets 202 and a batch id at once, and reads progress, per-item results and
 * the cost so far while the items run in the background, at most {@code keytriage.batch.concurrency}
 * at a time, as cost-sensitive LOW-priority work (the router then prefers cheap keys and leaves the
 * last 20 % of each key's window to interactive calls). A batch can be cancelled; items not yet sent
 * are then never sent.
 *
 * <p>Batches live in this node's memory only: at most {@code keytriage.batch.max-batches} at once,
 * and a finished one is dropped {@code keytriage.batch.retention-minutes} after it finished (or when
 * the application stops). Only the integrator that created a batch, or an admin, may read or cancel
 * it. Logs name batch ids, task types, counts and costs, never an input or a result.
 */
package org.keytriage.web.batches;
