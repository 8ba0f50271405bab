package org.keytriage.core.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class FailuresTest {
  private static final String SECRET = "nvapi-FAILURES-test-secret-0123456789";

  private static String everything(Outcome o) {
    StringWriter trace = new StringWriter();
    o.cause().printStackTrace(new PrintWriter(trace));
    return o.detail() + "\n" + o.cause() + "\n" + trace;
  }

  @Test
  void aRefusedHeaderNeverReachesTheDetailTheCauseOrItsStackTrace() {
    Outcome o = Failures.classify(new IllegalArgumentException("invalid header value: \"Bearer " + SECRET + "\""), 3);
    assertThat(o.kind()).isEqualTo(OutcomeKind.UNREACHABLE);
    assertThat(o.detail()).contains("IllegalArgumentException").contains("message withheld").contains("base_url and secret");
    assertThat(everything(o)).doesNotContain(SECRET).doesNotContain("Bearer");
  }

  @Test
  void aHeaderDeepInTheCauseChainIsWithheldWhileTheKindIsKept() {
    IOException io = new IOException("stream reset", new IllegalStateException("Authorization: Bearer " + SECRET));
    Outcome o = Failures.classify(io, 5);
    assertThat(o.kind()).isEqualTo(OutcomeKind.CONNECTION_ERROR);
    assertThat(o.detail()).contains("stream reset");
    assertThat(everything(o)).doesNotContain(SECRET);
  }

  @Test
  void harmlessMessagesStayAsTheyWere() {
    IOException io = new IOException("Connection reset by peer");
    Outcome o = Failures.classify(io, 5);
    assertThat(o.cause()).isSameAs(io);
    assertThat(o.detail()).isEqualTo("connection error (IOException: Connection reset by peer)");
  }
}
