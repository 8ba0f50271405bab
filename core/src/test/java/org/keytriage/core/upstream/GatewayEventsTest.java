package org.keytriage.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keytriage.core.errors.ErrorCode;
import org.keytriage.core.events.AttemptFailed;
import org.keytriage.core.events.GatewayEvent;
import org.keytriage.core.events.KeyChanged;
import org.keytriage.core.events.KeyPenalised;
import org.keytriage.core.events.Origin;
import org.keytriage.core.events.RequestFailed;
import org.keytriage.core.events.RequestServed;
import org.keytriage.core.events.StrategyChanged;
import org.keytriage.core.gateway.Call;
import org.keytriage.core.routing.NoAvailableKeyException;
import org.keytriage.core.routing.Refusal;
import org.keytriage.simulator.KeyBehaviour;
import org.keytriage.spi.RoutingHints;

/** What the gateway and the key registry publish: one outcome per request, facts only. */
class GatewayEventsTest {
  private SimulatedUpstream up;
  private final List<GatewayEvent> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    if (up != null) {
      up.close();
    }
  }

  private void start(KeyBehaviour faulty) {
    up = new SimulatedUpstream().key("faulty", 5, faulty).key("steady", 1, KeyBehaviour.defaults()).start();
    up.keyTriage.events().subscribe(events::add);
  }

  @Test
  void aServedRequestAfterAFailoverIsOneAttemptFailedAndOneRequestServedWithNoContent() {
    start(KeyBehaviour.builder().always429(true).build());
    Call call = new Call(SimulatedUpstream.TASK, SimulatedUpstream.chat("Patient Jane Roe, 54, chest pain."), RoutingHints.DEFAULT,
        Origin.OPENAI, "ehr");

    GatewayResponse r = up.gateway.complete(call);

    assertThat(events).hasSize(3);
    assertThat(events.get(0)).isInstanceOfSatisfying(KeyPenalised.class, p -> {
      assertThat(p.keyId()).isEqualTo("faulty");
      assertThat(p.penalty()).isEqualTo(KeyPenalised.Penalty.RATE_LIMITED);
    });
    assertThat(events.get(1)).isInstanceOfSatisfying(AttemptFailed.class, f -> {
      assertThat(f.keyId()).isEqualTo("faulty");
      assertThat(f.failure()).isEqualTo("HTTP 429");
    });
    assertThat(events.get(2)).isInstanceOfSatisfying(RequestServed.class, s -> {
      assertThat(s.keyId()).isEqualTo("steady");
      assertThat(s.origin()).isEqualTo(Origin.OPENAI);
      assertThat(s.callerId()).isEqualTo("ehr");
      assertThat(s.attempts()).isEqualTo(2);
      assertThat(s.totalTokens()).isEqualTo(r.tokens().total());
      assertThat(s.cost()).isEqualTo(r.cost());
      assertThat(s.durationNanos()).isPositive();
    });
    assertThat(events.toString()).doesNotContain("Jane Roe").doesNotContain("chest pain")
        .doesNotContain(SimulatedUpstream.secretOf("faulty"));
  }

  @Test
  void aRefusalIsOneRequestFailedWithTheCodeAndARefusalRecordPerKey() {
    start(KeyBehaviour.builder().always429(true).build());
    up.keyTriage.setActive("steady", false);
    events.clear();

    assertThatThrownBy(() -> up.ask("hello")).isInstanceOfSatisfying(NoAvailableKeyException.class, e -> {
      Refusal refusal = e.refusal();
      assertThat(refusal.servingKeys()).isEqualTo(2);
      assertThat(refusal.candidates()).containsExactly(
          new Refusal.Candidate("faulty", Refusal.Reason.ALREADY_TRIED),
          new Refusal.Candidate("steady", Refusal.Reason.INACTIVE));
      assertThat(refusal.lastFailure()).isEqualTo("key faulty: HTTP 429");
      assertThat(e.code()).isEqualTo(ErrorCode.NO_AVAILABLE_KEY);
      assertThat(e.getMessage()).isEqualTo(refusal.describe());
    });
    assertThat(events).filteredOn(RequestFailed.class::isInstance).singleElement()
        .isInstanceOfSatisfying(RequestFailed.class, f -> {
          assertThat(f.code()).isEqualTo(ErrorCode.NO_AVAILABLE_KEY);
          assertThat(f.origin()).isEqualTo(Origin.LIBRARY);
          assertThat(f.attempts()).isZero();
        });
  }

  @Test
  void operatorsChangesArePublishedWithWhoAndWhy() {
    start(KeyBehaviour.defaults());

    up.keyTriage.keys().setActive("faulty", false, "alice", "rotating the secret");
    up.keyTriage.keys().restore("faulty", "alice", "rotated");
    up.keyTriage.useStrategy(SimulatedUpstream.TASK, "round_robin", "bob", "spread the load");

    assertThat(events).hasSize(3);
    assertThat(events.get(0)).isInstanceOfSatisfying(KeyChanged.class, k -> {
      assertThat(k.change()).isEqualTo(KeyChanged.Change.DEACTIVATED);
      assertThat(k.actor()).isEqualTo("alice");
      assertThat(k.reason()).isEqualTo("rotating the secret");
    });
    assertThat(events.get(1)).isInstanceOfSatisfying(KeyChanged.class,
        k -> assertThat(k.change()).isEqualTo(KeyChanged.Change.RESTORED));
    assertThat(events.get(2)).isInstanceOfSatisfying(StrategyChanged.class, s -> {
      assertThat(s.from()).isEqualTo("priority");
      assertThat(s.to()).isEqualTo("round_robin");
      assertThat(s.actor()).isEqualTo("bob");
    });
  }

  @Test
  void aListenerThatThrowsNeverFailsTheRequest() {
    start(KeyBehaviour.defaults());
    up.keyTriage.events().subscribe(e -> {
      throw new IllegalStateException("a broken subscriber");
    });

    assertThat(up.ask("hello").status()).isEqualTo(200);
    assertThat(events).filteredOn(RequestServed.class::isInstance).hasSize(1);
  }
}
