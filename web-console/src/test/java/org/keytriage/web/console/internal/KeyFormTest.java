package org.keytriage.web.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.ConfigException;
import org.keytriage.core.config.KeyEntries;

class KeyFormTest {
  private static final Set<String> TASKS = Set.of("medical_text_analysis", "genomics_analysis");

  private static KeyForm filled() {
    KeyForm f = new KeyForm();
    f.setKeyId("radiology");
    f.setApiKey("nvapi-console-test-secret-1");
    f.setMaxRpm("30");
    f.setMaxTpm("40000");
    f.setTaskTypes(List.of("genomics_analysis"));
    f.setCostPerToken("0.0002");
    return f;
  }

  @Test
  void aFilledFormIsAKeyTheLoaderAccepts() {
    ApiKeyConfig k = KeyEntries.read(filled().newKeyJson(), TASKS, "the form");
    assertThat(k.keyId()).isEqualTo("radiology");
    assertThat(k.maxRpm()).isEqualTo(30);
    assertThat(k.priority()).isEqualTo(3); // the form's default
    assertThat(k.costPerToken()).isEqualTo(0.0002);
    assertThat(k.dailyBudget()).isZero();
  }

  @Test
  void textThatIsNoNumberReachesTheLoaderWhichNamesTheField() {
    KeyForm f = filled();
    f.setMaxRpm("12x");
    assertThatThrownBy(() -> KeyEntries.read(f.newKeyJson(), TASKS, "the form"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
            .anySatisfy(p -> assertThat(p.field()).isEqualTo("max_rpm")));
  }

  @Test
  void aBlankSecretKeepsTheOneTypedBeforeAndIsNeverShown() {
    KeyForm f = filled();
    f.setApiKey("");
    f.setApiKey(null);
    assertThat(f.hasApiKey()).isTrue();
    assertThat(f.getApiKey()).isNull();
    assertThat(f.newKeyJson()).contains("nvapi-console-test-secret-1");
    assertThat(f.changesJson()).doesNotContain("nvapi-console-test-secret-1").doesNotContain("key_id");
  }

  @Test
  void editingFillsTheFormFromTheKeyAndAClearedBudgetMeansNone() {
    ApiKeyConfig k = KeyEntries.read(filled().newKeyJson().replace("\"is_backup\":false",
        "\"is_backup\":false,\"daily_budget\":5"), TASKS, "the form");
    KeyForm f = KeyForm.of(k);
    assertThat(f.getDailyBudget()).isEqualTo("5");
    assertThat(f.getApiKey()).isNull();
    f.setDailyBudget(null);
    ApiKeyConfig changed = KeyEntries.change(k, f.changesJson(), TASKS, "the form");
    assertThat(changed.dailyBudget()).isZero();
    assertThat(changed.apiKey()).isEqualTo(k.apiKey());
  }

  @Test
  void fieldMessagesLoseTheirFileAndEntryPrefix() {
    assertThat(Messages.shorten("the form: key 'x' (api_keys[0]): priority is missing. Fix: set it"))
        .isEqualTo("priority is missing. Fix: set it");
    assertThat(Messages.shorten("the form: api_keys[0]: key_id is missing")).isEqualTo("key_id is missing");
  }
}
