package org.keytriage.core.cluster.internal;

import com.hazelcast.nio.serialization.HazelcastSerializationException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.keytriage.core.cluster.FailureMode;
import org.keytriage.core.cluster.GridOperations;
import org.keytriage.core.cluster.LedgerUnavailableException;

/**
 * Waits for one grid operation at most the operation timeout and turns every way the grid can fail
 * (timeout, member gone, client offline, instance shut down) into a {@link
 * LedgerUnavailableException} that says what to check. Exceptions thrown by the operation itself
 * (a bug, not an outage) pass through unchanged. Every grid operation of the backends goes through
 * here, so its {@link #operations() counter} is the node's count of grid round trips.
 */
public final class GridCall {
  /** Where answers of {@link #send} are handed on: off Hazelcast's own threads. */
  private static final Executor CALLBACKS = ForkJoinPool.commonPool();

  private final Duration timeout;
  private final String gridDescription;
  private final FailureMode failureMode;
  private final GridOperationCounter counter = new GridOperationCounter();

  /**
   * @param timeout the longest to wait
   * @param gridDescription the grid in words for messages, e.g. {@code Hazelcast cluster
   *     'keytriage' (embedded member, members 10.0.0.1, 10.0.0.2)}
   * @param failureMode what the node does about it, for the message
   */
  public GridCall(Duration timeout, String gridDescription, FailureMode failureMode) {
    this.timeout = timeout;
    this.gridDescription = gridDescription;
    this.failureMode = failureMode;
  }

  public Duration timeout() {
    return timeout;
  }

  /** What went through this call site so far. */
  public GridOperations operations() {
    return counter;
  }

  /**
   * Starts the operation and waits for its result.
   *
   * @param what the operation in words, e.g. {@code reserve on key 'medical_text'}
   */
  public <R> R await(String what, Supplier<? extends CompletionStage<R>> start) {
    counter.waited();
    try {
      return start.get().toCompletableFuture().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(what, "interrupted while waiting", e);
    } catch (TimeoutException e) {
      throw unavailable(what, "no answer within " + timeout.toMillis() + " ms", e);
    } catch (ExecutionException | CompletionException e) {
      throw translate(what, e.getCause() != null ? e.getCause() : e);
    } catch (RuntimeException e) {
      throw translate(what, e);
    }
  }

  /**
   * Sends the operation without waiting for it, for work whose answer nobody on the request path
   * needs (a budget booking, a refresh of a local copy). The returned future completes on a pool
   * thread, never on a Hazelcast thread, so whatever follows it may log or alert; it fails with a
   * {@link LedgerUnavailableException} when the grid gives no usable answer within the timeout,
   * like {@link #await}.
   *
   * @param what the operation in words, for the failure's message
   */
  public <R> CompletableFuture<R> send(String what, Supplier<? extends CompletionStage<R>> start) {
    counter.sent();
    CompletableFuture<R> answer = new CompletableFuture<>();
    try {
      start.get().whenCompleteAsync(
          (r, e) -> {
            if (e == null) {
              answer.complete(r);
            } else {
              answer.completeExceptionally(e);
            }
          },
          CALLBACKS);
    } catch (RuntimeException e) {
      answer.completeExceptionally(e);
    }
    return answer
        .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
        .exceptionally(
            e -> {
              Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
              if (cause instanceof TimeoutException) {
                throw unavailable(what, "no answer within " + timeout.toMillis() + " ms", cause);
              }
              throw translate(what, cause);
            });
  }

  private RuntimeException translate(String what, Throwable cause) {
    if (cause instanceof HazelcastSerializationException) {
      // a value or operation that cannot travel: a programming error, not an outage
      return new IllegalStateException(what + " could not be serialized for the grid: " + cause.getMessage(), cause);
    }
    if (isGridFailure(cause)) {
      return unavailable(what, cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(what + " failed: " + cause, cause);
  }

  /** Hazelcast's own exceptions and I/O mean the grid could not answer. */
  static boolean isGridFailure(Throwable t) {
    return t instanceof TimeoutException
        || t instanceof java.io.IOException
        || t.getClass().getName().startsWith("com.hazelcast.");
  }

  private LedgerUnavailableException unavailable(String what, String problem, Throwable cause) {
    return new LedgerUnavailableException(
        "KeyTriage cluster grid unavailable: "
            + what
            + " got no usable answer from the "
            + gridDescription
            + " ("
            + problem
            + "). "
            + consequence()
            + " Check that the cluster members are running and reachable from this node, and the"
            + " network between them; keytriage.cluster.operation-timeout is "
            + timeout.toMillis()
            + " ms.",
        cause);
  }

  private String consequence() {
    return failureMode == FailureMode.FAIL_CLOSED
        ? "Failure mode fail-closed: requests are refused rather than risk a key exceeding its"
            + " limits (keytriage.cluster.failure-mode=degrade decides locally instead)."
        : "Failure mode degrade: this node decides locally on its share of each limit.";
  }
}
