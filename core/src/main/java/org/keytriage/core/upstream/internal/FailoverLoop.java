package org.keytriage.core.upstream.internal;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.keytriage.core.events.AttemptFailed;
import org.keytriage.core.events.GatewayEvents;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.routing.NoAvailableKeyException;
import org.keytriage.core.routing.Router;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.core.upstream.StreamBrokenException;
import org.keytriage.core.upstream.UpstreamClientErrorException;
import org.keytriage.core.upstream.UpstreamDeadlineExceededException;
import org.keytriage.core.upstream.UpstreamException;
import org.keytriage.spi.RoutingRequest;

/**
 * Places one client request on keys until one serves it, the request is at fault, no key is left
 * or the deadline runs out. Each attempt's allocation is completed exactly once, according to how
 * the call ended:
 *
 * <table>
 *   <caption>outcome → allocation</caption>
 *   <tr><td>served</td><td>{@code succeeded(real tokens)}</td></tr>
 *   <tr><td>429, 401/403, other 4xx</td><td>{@code release()}: the upstream did not admit the
 *       request, and a 4xx is the caller's fault, not the key's (neither rate nor health counts it)</td></tr>
 *   <tr><td>5xx, timeout, broken connection</td><td>{@code failed(prompt estimate)}: the request
 *       reached the upstream, so it stays counted against the key's limits, and its circuit counts a
 *       failure</td></tr>
 *   <tr><td>connection refused, connect timeout</td><td>{@code unreachable()}: nothing reached the
 *       upstream, but the endpoint is down</td></tr>
 *   <tr><td>stream broken mid-way</td><td>{@code failed(tokens streamed so far)}</td></tr>
 * </table>
 */
final class FailoverLoop {
  private static final System.Logger LOG = System.getLogger(FailoverLoop.class.getName());

  /**
   * One attempt on one allocated key: {@code timeout} bounds it (a stream: until its first chunk),
   * and nothing may outlast {@code deadline}.
   */
  @FunctionalInterface
  interface Attempt {
    Outcome call(Allocation allocation, Duration timeout, Deadline deadline);
  }

  private final Router router;
  private final KeyPenalties penalties;
  private final Duration attemptTimeout;
  private final GatewayEvents events;
  private final Clock clock;

  FailoverLoop(Router router, KeyPenalties penalties, Duration attemptTimeout, GatewayEvents events, Clock clock) {
    this.router = router;
    this.penalties = penalties;
    this.attemptTimeout = attemptTimeout;
    this.events = events;
    this.clock = clock;
  }

  GatewayResponse run(RoutingRequest request, Deadline deadline, TokenEstimate estimate, Attempt attempt) {
    String task = request.taskType();
    Set<String> tried = new LinkedHashSet<>();
    String lastFailure = null;
    int attempts = 0;
    while (true) {
      if (deadline.expired()) {
        throw new UpstreamDeadlineExceededException(task, deadline.total(), attempts, lastFailure);
      }
      Allocation a;
      try {
        a = router.allocate(request, tried);
      } catch (NoAvailableKeyException e) {
        throw lastFailure == null ? e : withLastFailure(e, lastFailure);
      }
      tried.add(a.keyId());
      attempts++;
      Outcome outcome;
      try {
        outcome = attempt.call(a, deadline.attemptTimeout(attemptTimeout), deadline);
      } catch (RuntimeException e) {
        a.release(); // a bug of ours before or around the call; do not leak the reservation
        throw e;
      }
      complete(a, outcome, estimate);
      switch (outcome.kind()) {
        case SERVED:
          return outcome.response().withAttempts(attempts);
        case CLIENT_ERROR:
          throw new UpstreamClientErrorException(
              task, a.keyId(), outcome.status(), outcome.errorBody(), outcome.errorJson());
        case STREAM_BROKEN:
        case LISTENER_FAILED:
          throw new StreamBrokenException(
              "Stream for task: " + task + " on key " + a.keyId() + " broke: " + outcome.detail(),
              outcome.response().withAttempts(attempts),
              outcome.cause());
        case INTERRUPTED:
          throw new UpstreamException(
              "Interrupted while calling the upstream for task: " + task, outcome.cause());
        default:
          lastFailure = "key " + a.keyId() + ": " + outcome.detail();
          LOG.log(Level.INFO, "Upstream call for task {0} failed ({1}); trying the next key", task, lastFailure);
          events.publish(new AttemptFailed(clock.instant(), task, a.keyId(), outcome.detail(), outcome.latencyMillis()));
          if (outcome.kind() == OutcomeKind.TIMEOUT && deadline.expired()) {
            throw new UpstreamDeadlineExceededException(task, deadline.total(), attempts, lastFailure);
          }
      }
    }
  }

  private void complete(Allocation a, Outcome o, TokenEstimate estimate) {
    switch (o.kind()) {
      case SERVED -> a.succeeded(o.response().tokens().total(), o.latencyMillis());
      case RATE_LIMITED -> {
        a.release();
        penalties.rateLimited(a.keyId(), o.retryAfter());
      }
      case AUTH_REJECTED -> {
        a.release();
        penalties.quarantined(a.keyId(), o.status());
      }
      case CLIENT_ERROR -> a.release();
      case UNREACHABLE -> a.unreachable();
      case STREAM_BROKEN -> a.failed(o.response().tokens().total(), o.latencyMillis());
      // the key streamed fine; the caller's listener gave up
      case LISTENER_FAILED -> a.succeeded(o.response().tokens().total(), o.latencyMillis());
      default -> a.failed(estimate.prompt(), o.latencyMillis()); // 5xx, timeout, connection, interrupt
    }
  }

  private static NoAvailableKeyException withLastFailure(NoAvailableKeyException e, String lastFailure) {
    NoAvailableKeyException out = new NoAvailableKeyException(e.refusal().withLastFailure(lastFailure));
    out.addSuppressed(e);
    return out;
  }
}
