package org.keytriage.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionTextTest {
  @Test
  void wordsAreDeterministicAndCounted() {
    assertThat(CompletionText.words(99, 10)).hasSize(10).isEqualTo(CompletionText.words(99, 10));
    assertThat(CompletionText.words(99, 10)).isNotEqualTo(CompletionText.words(100, 10));
    assertThat(CompletionText.words(1, 0)).isEmpty();
  }

  @Test
  void jsonFormIsAValidObjectForEveryLength() {
    for (int n = 0; n <= 70; n++) {
      List<String> words = CompletionText.words(n, n);
      JsonObject json = Json.parseObject(CompletionText.json(words));
      String all =
          (json.getString("summary")
                  + " "
                  + String.join(
                      " ",
                      json.getJsonArray("findings")
                          .getValuesAs(v -> ((jakarta.json.JsonString) v).getString())))
              .trim();
      assertThat(all.isEmpty() ? 0 : all.split(" ").length).isEqualTo(n);
    }
  }

  @Test
  void streamPiecesJoinBackToTheContent() {
    String content = CompletionText.json(CompletionText.words(5, 12));

    assertThat(String.join("", CompletionText.streamPieces(content))).isEqualTo(content);
    assertThat(CompletionText.streamPieces("one two three"))
        .containsExactly("one", " two", " three");
    assertThat(CompletionText.streamPieces("")).isEmpty();
  }
}
