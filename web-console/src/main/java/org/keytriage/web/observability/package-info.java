/**
 * What operators' tools read: KeyTriage's Prometheus series at {@code /prometheus} and
 * MicroProfile Health ({@code /health/ready}, {@code /health/live}). The server's own
 * MicroProfile Metrics stay at {@code /metrics} (JVM, thread pools, HTTP); KeyTriage registers
 * nothing there.
 *
 * <p>{@code GET /prometheus} ({@link org.keytriage.web.observability.PrometheusServlet}) answers
 * {@code text/plain; version=0.0.4} to an operator (HTTP Basic, role {@code ops} or {@code admin},
 * as for {@code /api/v1}); without credentials 401, with another role 403. The series come from
 * {@link org.keytriage.core.metrics}: request metrics are an event subscriber ({@link
 * org.keytriage.web.observability.GatewayMetrics}), so no resource meters anything itself. All
 * without a secret (key ids only), each with {@code # HELP} and {@code # TYPE}:
 *
 * <ul>
 *   <li>{@code keytriage_requests_total{task_type,key,outcome,origin}} counter: client requests by
 *       the key that served them ({@code none} when none was called), outcome ({@code success}, or
 *       the failure's {@link org.keytriage.core.errors.ErrorCode#code()}: {@code no_available_key},
 *       {@code upstream_rejected_request}, {@code upstream_deadline_exceeded}, {@code
 *       upstream_stream_error}, {@code upstream_error}, {@code ledger_unavailable}, {@code
 *       internal_error}, ...: the same code the caller's error body and a batch item carry) and
 *       origin ({@code v1}, {@code task}, {@code batch}, {@code library});
 *   <li>{@code keytriage_request_duration_seconds{task_type}} histogram in seconds: {@code _bucket}
 *       with {@code le} 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120,
 *       {@code +Inf}, {@code _sum}, {@code _count}; add nodes up with {@code sum by (le)} and take
 *       quantiles with {@code histogram_quantile()};
 *   <li>counters {@code keytriage_tokens_total{task_type,key}}, {@code
 *       keytriage_cost_dollars_total{task_type,key}}, {@code keytriage_failovers_total{task_type}}
 *       (upstream attempts beyond the first) and {@code keytriage_key_penalties_total{key,penalty}}
 *       ({@code rate_limited}, {@code circuit_opened}, {@code quarantined});
 *   <li>per key ({@code key} label), gauges read at scrape time: {@code
 *       keytriage_key_requests_in_window}, {@code keytriage_key_tokens_in_window}, {@code
 *       keytriage_key_rpm_limit}, {@code keytriage_key_tpm_limit}, {@code keytriage_key_active},
 *       {@code keytriage_key_usable}, {@code keytriage_key_cooling_down}, {@code
 *       keytriage_key_cooldown_remaining_seconds}, {@code keytriage_key_quarantined}, {@code
 *       keytriage_key_circuit_state} (0 closed, 1 half-open, 2 open) and {@code
 *       keytriage_key_budget_utilisation_ratio}.
 * </ul>
 *
 * <p>Counters count this node's requests since it started; on several nodes, scrape each and add
 * them up in Prometheus. The per-key gauges show the engine's figures, which in a cluster are the
 * cluster's (shared windows, key states and budgets): every node reports the same values, so
 * take {@code max} across nodes rather than {@code sum}.
 */
package org.keytriage.web.observability;
