/**
 * What the gateway did, per key and per task type: requests, outcomes, tokens, cost and latency;
 * and what it concludes from that: the metrics snapshot, the health report and the optimisation
 * recommendations, each with a {@code toJson()} in the guide's JSON shape.
 *
 * <p>Only counts and durations are recorded here, never prompt or response content.
 */
package org.keytriage.core.accounting;
