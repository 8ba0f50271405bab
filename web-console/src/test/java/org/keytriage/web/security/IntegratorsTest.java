package org.keytriage.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntegratorsTest {
  private static final String EHR = "ehr-token-1";
  private static final String LAB = "lab-token-2";

  private static final Integrators INTEGRATORS = Integrators.parse(
      " ehr:" + Integrators.sha256Hex(EHR) + ":medical_text_analysis|diagnostic_report_generation ,"
          + "lab:" + Integrators.sha256Hex(LAB) + ":*");

  @Test
  void aTokenFindsItsIntegratorAndScope() {
    Integrator ehr = INTEGRATORS.authenticate(EHR).orElseThrow();
    assertThat(ehr.name()).isEqualTo("ehr");
    assertThat(ehr.mayUse("medical_text_analysis")).isTrue();
    assertThat(ehr.mayUse("batch_processing")).isFalse();
    assertThat(ehr.describeScope()).isEqualTo("diagnostic_report_generation, medical_text_analysis");
    Integrator lab = INTEGRATORS.authenticate(LAB).orElseThrow();
    assertThat(lab.mayUse("anything")).isTrue();
    assertThat(lab.describeScope()).isEqualTo("every task type");
  }

  @Test
  void unknownOrEmptyTokensFindNobody() {
    assertThat(INTEGRATORS.authenticate("ehr-token-")).isEmpty();
    assertThat(INTEGRATORS.authenticate("")).isEmpty();
    assertThat(INTEGRATORS.authenticate(null)).isEmpty();
    assertThat(Integrators.parse("  ").isEmpty()).isTrue();
  }

  @Test
  void sha256HexIsWhatSha256sumPrints() {
    // printf %s abc | sha256sum
    assertThat(Integrators.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void badEntriesSayWhichAndWhyWithoutTheHash() {
    String hash = Integrators.sha256Hex(EHR);
    assertThatThrownBy(() -> Integrators.parse("ehr:" + hash))
        .hasMessageContaining("keytriage.integrators entry 1").hasMessageContaining("3 parts").hasMessageNotContaining(hash);
    assertThatThrownBy(() -> Integrators.parse("ehr:" + hash + ":*,lab:12345:*"))
        .hasMessageContaining("entry 2 ('lab')").hasMessageContaining("64 hex digits");
    assertThatThrownBy(() -> Integrators.parse("ehr:" + hash + ": "))
        .hasMessageContaining("lists no task type");
    assertThatThrownBy(() -> Integrators.parse("ehr:" + hash + ":*,ehr:" + hash + ":*"))
        .hasMessageContaining("used twice").hasMessageNotContaining(hash);
  }

  @Test
  void toStringHasNoHash() {
    Integrator ehr = INTEGRATORS.authenticate(EHR).orElseThrow();
    assertThat(ehr.toString()).contains("ehr").doesNotContain(Integrators.sha256Hex(EHR));
  }
}
