package org.keytriage.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.Secret;
import org.keytriage.core.events.GatewayEvent;
import org.keytriage.core.events.GatewayEvents;
import org.keytriage.core.events.KeyChanged;
import org.keytriage.core.testing.MutableClock;

/** Rotation: the new secret at once, the old one destroyed once its calls drained, on every node. */
class KeyRotationTest {
  private static final String OLD = "nvapi-rotation-old-secret-0001";
  private static final String NEW = "nvapi-rotation-new-secret-0002";

  private final MutableClock clock = new MutableClock();
  private final KeyCatalogStore shared = KeyCatalogStore.inProcess();
  private final List<GatewayEvent> events = new CopyOnWriteArrayList<>();
  private final List<KeyRegistry> registries = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    registries.forEach(KeyRegistry::close);
  }

  private KeyRegistry node(Duration drain) {
    GatewayEvents bus = new GatewayEvents();
    bus.subscribe(events::add);
    KeyRegistry r = new KeyRegistry(List.of(ApiKeyConfig.builder("k1").apiKey(OLD).maxRpm(10).maxTpm(1000)
        .taskTypes("medical_text_analysis").build()), KeyStateStore.inProcess(), shared, keys -> {}, clock, bus, drain);
    registries.add(r);
    return r;
  }

  private static void awaitDestroyed(Secret s) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!s.destroyed() && System.nanoTime() < deadline) {
      Thread.sleep(5); // the drain's timer thread destroys it
    }
  }

  @Test
  void theNewSecretIsUsedAtOnceAndTheOldOneDestroyedAfterTheDrainOnEveryNode() throws Exception {
    KeyRegistry here = node(Duration.ofMillis(50));
    KeyRegistry there = node(Duration.ofMillis(50));
    Secret oldHere = here.key("k1").apiKey();
    Secret oldThere = there.key("k1").apiKey();

    ApiKeyConfig rotated = here.rotate("k1", Secret.of(NEW), "admin", "quarterly rotation");

    assertThat(here.key("k1").apiKey().reveal()).isEqualTo(NEW);
    assertThat(there.key("k1").apiKey().reveal()).isEqualTo(NEW);
    assertThat(rotated.rotatedAt()).contains(clock.instant());
    awaitDestroyed(oldHere);
    awaitDestroyed(oldThere);
    assertThat(oldHere.destroyed()).isTrue();
    assertThat(oldThere.destroyed()).isTrue();
    assertThatThrownBy(oldHere::reveal).hasMessageContaining("replaced by a rotation");
    assertThat(here.key("k1").apiKey().destroyed()).isFalse();
  }

  @Test
  void aCallInFlightKeepsTheOldSecretUntilTheDrainEnds() {
    KeyRegistry r = node(Duration.ofHours(1));
    Secret inFlight = r.key("k1").apiKey();

    r.rotate("k1", Secret.of(NEW), "admin", "");

    assertThat(inFlight.reveal()).isEqualTo(OLD);
  }

  @Test
  void theRotationIsAnEventWithMaskedBeforeAndAfter() {
    KeyRegistry r = node(Duration.ofHours(1));

    r.rotate("k1", Secret.of(NEW), "admin", "leaked in a ticket");

    KeyChanged change = events.stream().filter(KeyChanged.class::isInstance).map(KeyChanged.class::cast)
        .reduce((a, b) -> b).orElseThrow();
    assertThat(change.change()).isEqualTo(KeyChanged.Change.ROTATED);
    assertThat(change.before()).contains("\u20260001").doesNotContain(OLD);
    assertThat(change.after()).contains("\u20260002").contains("rotated_at").doesNotContain(NEW);
    assertThat(change.reason()).isEqualTo("leaked in a ticket");
  }

  @Test
  void anOperatorsSwitchIsKeptAndAppliedAgainByTheNextRegistry() {
    KeySwitchStore switches = KeySwitchStore.inMemory();
    KeyRegistry first = node(Duration.ofHours(1));
    first.keepSwitchesIn(switches);
    first.setActive("k1", false, "admin", "maintenance");

    KeyRegistry afterRestart = new KeyRegistry(List.of(first.key("k1")), KeyStateStore.inProcess(),
        KeyCatalogStore.inProcess(), keys -> {}, clock, new GatewayEvents(), Duration.ofHours(1));
    registries.add(afterRestart);
    assertThat(afterRestart.state("k1").active()).isTrue();
    afterRestart.keepSwitchesIn(switches);

    assertThat(afterRestart.state("k1").active()).isFalse();
    afterRestart.restore("k1", "admin", "");
    assertThat(switches.switches()).containsEntry("k1", true);
  }

  @Test
  void aChangeThatKeepsTheSecretDestroysNothing() {
    KeyRegistry r = node(Duration.ZERO);
    Secret before = r.key("k1").apiKey();

    r.change(r.key("k1").toBuilder().maxRpm(20).build(), "admin", "more room");

    assertThat(before.destroyed()).isFalse();
    assertThat(r.key("k1").maxRpm()).isEqualTo(20);
  }
}
