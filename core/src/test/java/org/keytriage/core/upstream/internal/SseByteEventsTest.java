package org.keytriage.core.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseByteEventsTest {
  /** Feeds the text in pieces of {@code piece} bytes, as a network would cut it. */
  private static List<String> parse(String text, int piece) {
    SseByteEvents p = new SseByteEvents();
    List<String> events = new ArrayList<>();
    SseByteEvents.Sink sink = (data, n) -> events.add(new String(data, 0, n, StandardCharsets.UTF_8)) || true;
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i += piece) {
      p.feed(bytes, i, Math.min(piece, bytes.length - i), sink);
    }
    p.end(sink);
    return events;
  }

  @Test
  void eachBlankLineDispatchesTheDataBeforeItHoweverTheBytesAreCut() {
    String text = "data: {\"a\":\"é€\"}\n\ndata: [DONE]\n\n";
    for (int piece : new int[] {1, 2, 3, 7, 1000}) {
      assertThat(parse(text, piece)).as("pieces of %d", piece).containsExactly("{\"a\":\"é€\"}", "[DONE]");
    }
  }

  @Test
  void commentsAndOtherFieldsAreIgnoredAndMultiLineDataIsJoined() {
    assertThat(parse(": keep-alive\nevent: message\nid: 7\ndatabase: x\ndata: one\ndata:two\ndata\n\n", 5))
        .containsExactly("one\ntwo\n");
  }

  @Test
  void crLfAndLoneCrEndLinesToo() {
    assertThat(parse("data: a\r\n\r\ndata: b\r\rdata: c\n\n", 1)).containsExactly("a", "b", "c");
  }

  @Test
  void anEventWithoutItsBlankLineIsFlushedAtTheEnd() {
    assertThat(parse("data: tail", 3)).containsExactly("tail");
  }

  @Test
  void aSinkThatStopsSeesNothingMore() {
    SseByteEvents p = new SseByteEvents();
    List<String> events = new ArrayList<>();
    byte[] two = "data: 1\n\ndata: 2\n\n".getBytes(StandardCharsets.UTF_8);
    boolean more = p.feed(two, 0, two.length,
        (data, n) -> events.add(new String(data, 0, n, StandardCharsets.UTF_8)) && false);
    assertThat(more).isFalse();
    assertThat(events).containsExactly("1");
  }
}
