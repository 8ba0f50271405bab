package org.keytriage.core.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventParserTest {
  private static List<String> parse(String... lines) {
    SseEventParser p = new SseEventParser();
    List<String> events = new ArrayList<>();
    for (String line : lines) {
      String e = p.accept(line);
      if (e != null) {
        events.add(e);
      }
    }
    String last = p.flush();
    if (last != null) {
      events.add(last);
    }
    return events;
  }

  @Test
  void eachBlankLineDispatchesTheDataBeforeIt() {
    assertThat(parse("data: {\"a\":1}", "", "data: [DONE]", ""))
        .containsExactly("{\"a\":1}", "[DONE]");
  }

  @Test
  void commentsAndOtherFieldsAreIgnoredAndMultiLineDataIsJoined() {
    assertThat(parse(": keep-alive", "event: message", "id: 7", "data: one", "data:two", ""))
        .containsExactly("one\ntwo");
  }

  @Test
  void anEventWithoutItsBlankLineIsFlushedAtTheEnd() {
    assertThat(parse("data: tail")).containsExactly("tail");
  }
}
