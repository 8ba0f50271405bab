package org.keytriage.core.integrators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link IntegratorTokenStore} must do; each implementation's test extends this with its own {@link #open()}. */
public abstract class IntegratorTokenStoreContract {
  protected static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
  protected IntegratorTokenStore store;

  protected abstract IntegratorTokenStore open();

  /** Drops what {@link #open()} made, after the store is closed; nothing by default. */
  protected void afterClose() {}

  @BeforeEach
  void openStore() {
    store = open();
  }

  @AfterEach
  void closeStore() {
    store.close();
    afterClose();
  }

  protected static IntegratorToken token(String id, String hashDigit, Instant expires) {
    return new IntegratorToken(id, "dept-" + id, Set.of("medical_text_analysis", "genomics_analysis"),
        hashDigit.repeat(64), T0, "admin", expires, null, null);
  }

  @Test
  void tokensAreKeptWithTheirScopeAndOnlyTheirHash() {
    IntegratorToken t = token("t1", "a", T0.plusSeconds(86_400));
    store.create(t);
    store.create(token("t2", "b", null));

    assertThat(store.all()).extracting(IntegratorToken::id).containsExactly("t1", "t2");
    assertThat(store.all().get(0)).isEqualTo(t);
    assertThatThrownBy(() -> store.create(token("t1", "c", null))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.create(token("t3", "a", null))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void revokingIsRecordedOnceAndHeard() {
    AtomicInteger heard = new AtomicInteger();
    store.onChange(heard::incrementAndGet);
    store.create(token("t1", "a", null));

    assertThat(store.revoke("t1", T0.plusSeconds(60))).isTrue();
    assertThat(store.revoke("t1", T0.plusSeconds(90))).isFalse();

    IntegratorToken revoked = store.all().get(0);
    assertThat(revoked.revokedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(revoked.validAt(T0.plusSeconds(61))).isFalse();
    assertThat(heard.get()).isGreaterThanOrEqualTo(2);
    assertThatThrownBy(() -> store.revoke("nope", T0)).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void lastUseIsRecordedAndNeverGoesBack() {
    store.create(token("t1", "a", null));

    store.touch(Map.of("t1", T0.plusSeconds(30)));
    store.touch(Map.of("t1", T0.plusSeconds(10), "unknown", T0));

    assertThat(store.all().get(0).lastUsedAt()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void expiryIsPartOfValidity() {
    IntegratorToken t = token("t1", "a", T0.plusSeconds(60));
    assertThat(t.validAt(T0.plusSeconds(59))).isTrue();
    assertThat(t.validAt(T0.plusSeconds(60))).isFalse();
  }
}
