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
    // what goes on (into answers, logs and the failure's cause) never carries a request header
    Throwable o = unwrap(thrown);
    Throwable t = withoutHeaders(o);
    if (o instanceof HttpConnectTimeoutException || o instanceof org.apache.hc.client5.http.ConnectTimeoutException) {
      return Outcome.failure(OutcomeKind.UNREACHABLE, "connect timed out", latencyMillis, t);
    }
    if (o instanceof HttpTimeoutException || o instanceof java.net.SocketTimeoutException) {
      return Outcome.failure(OutcomeKind.TIMEOUT, "timed out after " + latencyMillis + " ms", latencyMillis, t);
    }
    if (o instanceof ConnectException
        || o instanceof UnknownHostException
        || o instanceof UnresolvedAddressException
        || o.getCause() instanceof UnresolvedAddressException) {
      return Outcome.failure(OutcomeKind.UNREACHABLE, "connection refused or host unknown (" + describe(t) + ")", latencyMillis, t);
    }
    if (o instanceof IOException) {
      return Outcome.failure(OutcomeKind.CONNECTION_ERROR, "connection error (" + describe(t) + ")", latencyMillis, t);
    }
    if (o instanceof IllegalArgumentException) {
      // e.g. a base_url that is not a valid http(s) URL: this key can never be reached
      return Outcome.failure(OutcomeKind.UNREACHABLE, "the upstream request could not be built (" + describe(t)
          + "): check the key's base_url and secret", latencyMillis, t);
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

  /** Exception class and message; messages that could hold a header were withheld by {@link #withoutHeaders}. */
  static String describe(Throwable t) {
    if (t instanceof WithheldMessage) {
      return t.getMessage(); // already "Type: message", or "Type (message withheld …)"
    }
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }

  /**
   * The failure, with every message in its cause chain that could carry a request header replaced:
   * the JDK's HTTP client, for one, puts a refused header in full into its message ({@code invalid
   * header value: "Bearer <secret>"}). Withheld: any {@link IllegalArgumentException}'s message
   * (that is where the clients report a header or URL they refuse), and any message that mentions
   * a header, an authorization or a bearer. The stack trace stays, for the log.
   */
  static Throwable withoutHeaders(Throwable t) {
    if (t == null) {
      return null;
    }
    Throwable cause = withoutHeaders(t.getCause());
    if (!mayCarryHeaders(t)) {
      if (cause == t.getCause()) {
        return t;
      }
      WithheldMessage kept = new WithheldMessage(t.getClass().getSimpleName(), t.getMessage(), cause);
      kept.setStackTrace(t.getStackTrace());
      return kept;
    }
    WithheldMessage w = new WithheldMessage(t.getClass().getSimpleName(), null, cause);
    w.setStackTrace(t.getStackTrace());
    return w;
  }

  private static boolean mayCarryHeaders(Throwable t) {
    String m = t.getMessage();
    if (m == null) {
      return false;
    }
    String lower = m.toLowerCase(java.util.Locale.ROOT);
    return t instanceof IllegalArgumentException || lower.contains("header") || lower.contains("authorization")
        || lower.contains("bearer");
  }

  /** A failure whose original message was withheld (or whose cause's was); its type is the original's. */
  static final class WithheldMessage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WithheldMessage(String type, String message, Throwable cause) {
      super(message == null ? type + " (message withheld: it can carry request headers)" : type + ": " + message,
          cause, false, true);
    }
  }
}
