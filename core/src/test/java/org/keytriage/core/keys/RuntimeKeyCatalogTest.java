package org.keytriage.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.ConfigException;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.errors.ErrorCode;
import org.keytriage.core.errors.KeyTriageException;
import org.keytriage.core.events.GatewayEvent;
import org.keytriage.core.events.KeyChanged;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.routing.NoAvailableKeyException;
import org.keytriage.core.testing.MutableClock;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskTypes;

/** Keys added, changed and retired while the engine runs, on one node and on two sharing a store. */
class RuntimeKeyCatalogTest {
  private static final String TEXT = TaskTypes.MEDICAL_TEXT_ANALYSIS;
  private static final String GENOMICS = TaskTypes.GENOMICS_ANALYSIS;

  private final MutableClock clock = new MutableClock();
  private final KeyCatalogStore shared = KeyCatalogStore.inProcess();
  private final List<KeyTriage> engines = new CopyOnWriteArrayList<>();
  private final List<GatewayEvent> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    engines.forEach(KeyTriage::close);
  }

  private KeyTriage node() {
    KeyTriage kt = KeyTriage.builder(KeyTriageConfig.builder().addKey(key("text_primary", 100, TEXT)).build())
        .clock(clock).keyCatalog(shared).build();
    kt.events().subscribe(events::add);
    engines.add(kt);
    return kt;
  }

  private static ApiKeyConfig key(String id, long rpm, String... tasks) {
    return ApiKeyConfig.builder(id).apiKey("nvapi-secret-of-" + id + "-0123456789").maxRpm(rpm).maxTpm(1_000_000)
        .taskTypes(tasks).costPerToken(0.0001).build();
  }

  @Test
  void aKeyAddedAtRunTimeServesItsTaskTypeOnTheNextRequest() {
    KeyTriage kt = node();
    assertThatThrownBy(() -> kt.allocate(GENOMICS, RoutingHints.ofTokens(10)))
        .isInstanceOf(NoAvailableKeyException.class);

    kt.keys().add(key("genomics_new", 100, GENOMICS), "alice", "new contract");

    Allocation a = kt.allocate(GENOMICS, RoutingHints.ofTokens(10));
    assertThat(a.keyId()).isEqualTo("genomics_new");
    a.release();
    assertThat(kt.keyMetrics()).extracting(m -> m.keyId()).containsExactly("text_primary", "genomics_new");
    assertThat(events).filteredOn(KeyChanged.class::isInstance).singleElement()
        .isInstanceOfSatisfying(KeyChanged.class, e -> {
          assertThat(e.change()).isEqualTo(KeyChanged.Change.ADDED);
          assertThat(e.actor()).isEqualTo("alice");
          assertThat(e.reason()).isEqualTo("new contract");
        });
    assertThat(events.toString()).doesNotContain("nvapi-secret");
  }

  @Test
  void aChangedLimitHoldsFromTheNextReservationAndRetiringTakesTheKeyOutOfRouting() {
    KeyTriage kt = node();
    kt.keys().add(key("spare", 100, TEXT), "alice", "");
    kt.allocate(TEXT, RoutingHints.ofTokens(10)).succeeded(10, 5);

    kt.keys().change(key("text_primary", 1, TEXT).toBuilder().priority(9).build(), "alice", "contract cut");
    assertThat(kt.key("text_primary").maxRpm()).isEqualTo(1);
    for (int i = 0; i < 5; i++) {
      Allocation a = kt.allocate(TEXT, RoutingHints.ofTokens(10));
      assertThat(a.keyId()).as("text_primary has used its one request a minute").isEqualTo("spare");
      a.succeeded(10, 5);
    }

    kt.keys().retire("spare", "bob", "leaked");
    assertThatThrownBy(() -> kt.allocate(TEXT, RoutingHints.ofTokens(10)))
        .isInstanceOfSatisfying(NoAvailableKeyException.class,
            e -> assertThat(e.refusal().servingKeys()).isEqualTo(1));
    assertThatThrownBy(() -> kt.key("spare")).isInstanceOfSatisfying(KeyTriageException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_KEY));
    assertThat(kt.keyMetrics()).extracting(m -> m.keyId()).containsExactly("text_primary");
  }

  @Test
  void anUnusableChangeIsRefusedWithTheConfigurationsMessageAndChangesNothing() {
    KeyTriage kt = node();

    assertThatThrownBy(() -> kt.keys().add(key("typo", 100, "medical_txt_analysis"), "alice", ""))
        .isInstanceOf(ConfigException.class).hasMessageContaining("key 'typo'")
        .hasMessageContaining("medical_txt_analysis").hasMessageNotContaining("nvapi-secret");
    assertThatThrownBy(() -> kt.keys().add(key("text_primary", 5, TEXT), "alice", ""))
        .isInstanceOfSatisfying(KeyTriageException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_CONFLICT));
    assertThatThrownBy(() -> kt.keys().retire("text_primary", "alice", ""))
        .as("the catalogue may not end up empty").isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> kt.keys().change(key("nobody", 5, TEXT), "alice", ""))
        .isInstanceOfSatisfying(KeyTriageException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_KEY));

    assertThat(kt.keys().all()).extracting(ApiKeyConfig::keyId).containsExactly("text_primary");
    assertThat(events).isEmpty();
  }

  @Test
  void aChangeOnOneNodeIsUsedByTheOtherNodesNextRequestAndANodeStartedLaterSeesIt() {
    KeyTriage a = node();
    KeyTriage b = node();

    a.keys().add(key("genomics_new", 100, GENOMICS), "alice", "");
    Allocation onB = b.allocate(GENOMICS, RoutingHints.ofTokens(10));
    assertThat(onB.keyId()).isEqualTo("genomics_new");
    onB.release();

    b.keys().retire("genomics_new", "bob", "");
    assertThatThrownBy(() -> a.allocate(GENOMICS, RoutingHints.ofTokens(10))).isInstanceOf(NoAvailableKeyException.class);

    a.keys().add(key("genomics_second", 100, GENOMICS), "alice", "");
    KeyTriage late = node();
    Allocation onLate = late.allocate(GENOMICS, RoutingHints.ofTokens(10));
    assertThat(onLate.keyId()).isEqualTo("genomics_second");
    onLate.release();
  }
}
