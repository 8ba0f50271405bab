package org.keytriage.web.batches.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keytriage.core.gateway.InvalidTaskInputException;
import org.keytriage.spi.FieldError;

/** A batch body's shape and its items' field errors. */
class BatchRequestTest {
  private static Map<String, Object> body(Object taskType, Object items) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task_type", taskType);
    m.put("items", items);
    return m;
  }

  @Test
  void readsTaskTypeAndItems() {
    BatchRequest r = BatchRequest.read(body("batch_processing", List.of(Map.of("text", "a"), Map.of("text", "b"))), 10);
    assertThat(r.taskType()).isEqualTo("batch_processing");
    assertThat(r.items()).hasSize(2);
    assertThat(r.toString()).doesNotContain("text");
  }

  @Test
  void shapeErrorsNameTheFieldsNeverTheValues() {
    assertThatThrownBy(() -> BatchRequest.read(body(null, "nope"), 10))
        .isInstanceOfSatisfying(InvalidTaskInputException.class, e ->
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("task_type", "items"));
    assertThatThrownBy(() -> BatchRequest.read(body("batch_processing", List.of(Map.of(), "secret-value")), 10))
        .isInstanceOfSatisfying(InvalidTaskInputException.class, e -> {
          assertThat(e.errors()).extracting(FieldError::field).containsExactly("items[1]");
          assertThat(e.getMessage()).doesNotContain("secret-value");
        });
    assertThatThrownBy(() -> BatchRequest.read(body("batch_processing", List.of(Map.of(), Map.of(), Map.of())), 2))
        .isInstanceOfSatisfying(InvalidTaskInputException.class, e ->
            assertThat(e.errors().get(0).message()).contains("at most 2").contains("keytriage.batch.max-items"));
  }

  @Test
  void itemErrorsArePrefixedWithTheirIndex() {
    BatchRequest r = BatchRequest.read(body("batch_processing", List.of(Map.of("text", "ok"), Map.of())), 10);
    assertThatThrownBy(() -> r.validateItems((type, input) ->
            input.containsKey("text") ? List.of() : List.of(new FieldError("text", "is required"))))
        .isInstanceOfSatisfying(InvalidTaskInputException.class, e ->
            assertThat(e.errors()).containsExactly(new FieldError("items[1].text", "is required")));
  }
}
