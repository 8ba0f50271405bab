/**
 * What operators' tools read: MicroProfile Metrics ({@code /metrics}, Prometheus text) and Health
 * ({@code /health/ready}, {@code /health/live}). Request metrics are an event subscriber ({@link
 * org.keytriage.web.observability.GatewayMetrics}): no resource meters anything itself.
 *
 * <p>Application metrics, all without a secret (key ids only):
 *
 * <ul>
 *   <li>{@code keytriage_requests_total{task_type, key, outcome}}: client requests by the key that
 *       served them ({@code none} when none did) and outcome: {@code success}, or the failure's
 *       {@link org.keytriage.core.errors.ErrorCode#code()} ({@code no_available_key}, {@code
 *       upstream_rejected_request}, {@code upstream_deadline_exceeded}, {@code stream_broken},
 *       {@code upstream_error}, {@code ledger_unavailable}, {@code internal_error}, ...): the same
 *       code the caller's error body and a batch item carry;
 *   <li>{@code keytriage_request_duration_seconds{task_type}}: time to answer (a timer);
 *   <li>{@code keytriage_tokens_total{task_type, key}}: tokens booked;
 *   <li>{@code keytriage_failovers_total{task_type}}: upstream attempts beyond the first;
 *   <li>per key ({@code key} tag), gauges: {@code keytriage_key_cost_dollars}, {@code
 *       keytriage_key_rpm}, {@code keytriage_key_tpm}, {@code keytriage_key_rpm_limit}, {@code
 *       keytriage_key_tpm_limit}, {@code keytriage_key_active}, {@code keytriage_key_usable},
 *       {@code keytriage_key_cooling_down}, {@code keytriage_key_cooldown_remaining_seconds},
 *       {@code keytriage_key_quarantined}, {@code keytriage_key_circuit_open} and {@code
 *       keytriage_key_circuit_state} (0 closed, 1 half-open, 2 open);
 *   <li>per task type, gauge {@code keytriage_task_cost_dollars{task_type}}.
 * </ul>
 *
 * <p>(Exact Prometheus names depend on the runtime's MicroProfile Metrics exporter, which may add
 * a scope tag and unit suffixes.)
 */
package org.keytriage.web.observability;
