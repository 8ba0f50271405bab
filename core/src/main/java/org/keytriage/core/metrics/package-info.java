/**
 * KeyTriage's own metrics in Prometheus' text exposition format 0.0.4, kept without a metrics
 * library so that names, types and units are exactly these. {@link
 * org.keytriage.core.metrics.RequestMetrics} listens to the engine's events; {@link
 * org.keytriage.core.metrics.PrometheusText} writes it and the per-key gauges:
 *
 * <pre>{@code
 * RequestMetrics metrics = RequestMetrics.forEngine(kt);
 * GatewayEvents.Subscription s = kt.events().subscribe(metrics);
 * String text = PrometheusText.of(kt, metrics).render();
 * }</pre>
 *
 * <p>Series, all without a secret (key ids only):
 *
 * <ul>
 *   <li>{@code keytriage_requests_total{task_type,key,outcome,origin}} counter: {@code outcome} is
 *       {@code success} or the failure's {@link org.keytriage.core.errors.ErrorCode#code()}, {@code
 *       key} is {@code none} when no key was called, {@code origin} is {@link
 *       org.keytriage.core.events.Origin#label()};
 *   <li>{@code keytriage_request_duration_seconds{task_type}} histogram, buckets 0.005 to 120 s and
 *       {@code +Inf};
 *   <li>{@code keytriage_tokens_total{task_type,key}}, {@code
 *       keytriage_cost_dollars_total{task_type,key}}, {@code keytriage_failovers_total{task_type}}
 *       and {@code keytriage_key_penalties_total{key,penalty}} counters;
 *   <li>per key gauges read at scrape time, listed at {@link
 *       org.keytriage.core.metrics.PrometheusText}.
 * </ul>
 *
 * <p>A task type the engine does not route is labelled {@code unknown}: the label's values stay as
 * few as the configuration's task types.
 */
package org.keytriage.core.metrics;
