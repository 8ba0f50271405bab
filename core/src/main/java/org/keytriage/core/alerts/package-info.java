/**
 * Alerts: short, content-free notices that something about a key needs attention (it was rate
 * limited, its circuit opened, its credentials were rejected, its budget is nearly or fully spent).
 * An {@link org.keytriage.core.alerts.AlertSink} receives them; {@link
 * org.keytriage.core.alerts.RecentAlerts} is the default, keeping the latest in memory for the
 * console and logging each one.
 *
 * <p>An alert never carries a secret or any prompt or response content: only key ids, statuses,
 * durations and amounts.
 */
package org.keytriage.core.alerts;
