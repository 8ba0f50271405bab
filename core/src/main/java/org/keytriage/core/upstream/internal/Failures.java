package org.keytriage.core.upstream.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Sorts the exceptions of an HTTP call into outcome kinds. */
final class Failures {
  private Failures() {}

  static Outcome classify(Throwable thrown, long latencyMillis) {
    Throwable t = unwrap(thrown);
    if (t instanceof HttpConnectTimeoutException || t instanceof org.apache.hc.client5.http.ConnectTimeoutException) {
      return Outcome.failure(OutcomeKind.UNREACHABLE, "connect timed out", latencyMillis, t);
    }
    if (t instanceof HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
      return Outcome.failure(OutcomeKind.TIMEOUT, "timed out after " + latencyMillis + " ms", latencyMillis, t);
    }
    if (t instanceof ConnectException
        || t instanceof UnknownHostException
        || t instanceof UnresolvedAddressException
        || t.getCause() instanceof UnresolvedAddressException) {
      return Outcome.failure(OutcomeKind.UNREACHABLE, "connection refused or host unknown (" + describe(t) + ")", latencyMillis, t);
    }
    if (t instanceof IOException) {
      return Outcome.failure(OutcomeKind.CONNECTION_ERROR, "connection error (" + describe(t) + ")", latencyMillis, t);
    }
    if (t instanceof IllegalArgumentException) {
      // e.g. a base_url that is not a valid http(s) URL: this key can never be reached
      return Outcome.failure(OutcomeKind.UNREACHABLE, "invalid upstream URL (" + describe(t) + ")", latencyMillis, t);
    }
    return Outcome.failure(OutcomeKind.CONNECTION_ERROR, "unexpected error (" + describe(t) + ")", latencyMillis, t);
  }

  static Throwable unwrap(Throwable t) {
    Throwable cur = t;
    while ((cur instanceof ExecutionException || cur instanceof CompletionException)
        && cur.getCause() != null) {
      cur = cur.getCause();
    }
    return cur;
  }

  /** Exception class and message; the HTTP clients' messages name hosts and ports, never headers. */
  static String describe(Throwable t) {
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }
}
