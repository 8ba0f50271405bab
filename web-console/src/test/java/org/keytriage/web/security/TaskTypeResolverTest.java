package org.keytriage.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keytriage.core.routing.UnknownTaskTypeException;
import org.keytriage.web.errors.ApiException;

class TaskTypeResolverTest {
  private static final Set<String> KNOWN = Set.of("medical_text_analysis", "batch_processing");
  private static final Integrator ALL = new Integrator("ehr", Integrators.sha256("a"), Set.of("*"));
  private static final Integrator BATCH = new Integrator("etl", Integrators.sha256("b"), Set.of("batch_processing"));

  @Test
  void theHeaderWinsOverTheDefault() {
    assertThat(TaskTypeResolver.resolve(" batch_processing ", Optional.of("medical_text_analysis"), ALL, KNOWN))
        .isEqualTo("batch_processing");
  }

  @Test
  void withoutHeaderTheDefaultApplies() {
    assertThat(TaskTypeResolver.resolve(null, Optional.of("medical_text_analysis"), ALL, KNOWN)).isEqualTo("medical_text_analysis");
    assertThat(TaskTypeResolver.resolve("  ", Optional.of("medical_text_analysis"), ALL, KNOWN)).isEqualTo("medical_text_analysis");
  }

  @Test
  void withNeitherTheAnswerSaysHowToSetOne() {
    assertThatThrownBy(() -> TaskTypeResolver.resolve(null, Optional.empty(), ALL, KNOWN))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.code()).isEqualTo("task_type_required");
        })
        .hasMessageContaining("X-Task-Type").hasMessageContaining("keytriage.default-task-type")
        .hasMessageContaining("batch_processing, medical_text_analysis");
  }

  @Test
  void outOfScopeIs403EvenForAnUnknownType() {
    assertThatThrownBy(() -> TaskTypeResolver.resolve("medical_text_analysis", Optional.empty(), BATCH, KNOWN))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403))
        .hasMessageContaining("'etl'").hasMessageContaining("batch_processing");
    assertThatThrownBy(() -> TaskTypeResolver.resolve("secret_project", Optional.empty(), BATCH, KNOWN))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
  }

  @Test
  void unknownInScopeIsUnknown() {
    assertThatThrownBy(() -> TaskTypeResolver.resolve("nope", Optional.empty(), ALL, KNOWN))
        .isInstanceOf(UnknownTaskTypeException.class).hasMessageContaining("Use one of");
  }
}
