package org.keytriage.core.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.keytriage.core.metrics.internal.TextFormat;
import org.keytriage.core.requests.RequestLog;
import org.keytriage.core.requests.RequestLogStats;
import java.util.function.Supplier;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.accounting.KeyMetrics;
import org.keytriage.core.metrics.internal.KeyGauges;

/**
 * Writes KeyTriage's metrics in Prometheus' text exposition format 0.0.4: the request series of
 * a {@link RequestMetrics} and per-key gauges read from the engine at the moment of the scrape.
 * Every family has {@code # HELP} and {@code # TYPE}; durations are in seconds, costs in dollars.
 *
 * <p>Per key ({@code key} label): {@code keytriage_key_requests_in_window}, {@code
 * keytriage_key_tokens_in_window}, {@code keytriage_key_rpm_limit}, {@code
 * keytriage_key_tpm_limit}, {@code keytriage_key_active}, {@code keytriage_key_usable}, {@code
 * keytriage_key_cooling_down}, {@code keytriage_key_cooldown_remaining_seconds}, {@code
 * keytriage_key_quarantined}, {@code keytriage_key_circuit_state} (0 closed, 1 half-open, 2 open)
 * and {@code keytriage_key_budget_utilisation_ratio}.
 */
public final class PrometheusText {
  /** The media type of what {@link #render()} returns, for an HTTP {@code Content-Type}. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final RequestMetrics requests;
  private final Supplier<List<KeyMetrics>> keys;
  private final Supplier<Optional<RequestLogStats>> requestLog;

  /**
   * @param requests the request series
   * @param keys each key's figures now, called once per render
   */
  public PrometheusText(RequestMetrics requests, Supplier<List<KeyMetrics>> keys) {
    this(requests, keys, Optional::empty);
  }

  /** @param requestLog the request log writer's figures, when there is one */
  public PrometheusText(RequestMetrics requests, Supplier<List<KeyMetrics>> keys,
      Supplier<Optional<RequestLogStats>> requestLog) {
    this.requests = Objects.requireNonNull(requests, "requests");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.requestLog = Objects.requireNonNull(requestLog, "requestLog");
  }

  /** The request series, the engine's per-key figures and its request log's. */
  public static PrometheusText of(KeyTriage keyTriage, RequestMetrics requests) {
    return new PrometheusText(requests, keyTriage::keyMetrics,
        () -> keyTriage.requestLog().map(RequestLog::stats));
  }

  /** Writes every series; what was written is incomplete if {@code out} fails. */
  public void writeTo(Appendable out) throws IOException {
    requests.writeTo(out);
    KeyGauges.writeTo(out, keys.get());
    Optional<RequestLogStats> log = requestLog.get();
    if (log.isPresent()) {
      RequestLogStats s = log.get();
      TextFormat.header(out, "keytriage_request_log_rows_total",
          "Request log rows since start, by what became of them: written to the store, or dropped because too many"
              + " waited (the database was down or too slow longer than keytriage.request-log.capacity allows)",
          "counter");
      TextFormat.sample(out, "keytriage_request_log_rows_total", STATE, List.of("written"),
          TextFormat.number(s.written()));
      TextFormat.sample(out, "keytriage_request_log_rows_total", STATE, List.of("dropped"),
          TextFormat.number(s.dropped()));
      TextFormat.header(out, "keytriage_request_log_rows_waiting",
          "Request log rows waiting to be written to the store", "gauge");
      TextFormat.sample(out, "keytriage_request_log_rows_waiting", List.of(), List.of(), TextFormat.number(s.waiting()));
    }
  }

  private static final List<String> STATE = List.of("state");

  /** Every series as one text, ready to be served. */
  public String render() {
    StringBuilder b = new StringBuilder(8192);
    try {
      writeTo(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return b.toString();
  }
}
