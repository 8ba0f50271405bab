package org.keytriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.keytriage.core.integrators.IntegratorTokenStore;
import org.keytriage.core.integrators.IntegratorTokenStoreContract;

/** The integrator token contract on H2; a second node on the same database hears a revocation. */
class H2IntegratorTokensTest extends IntegratorTokenStoreContract {
  private StoreSettings settings;
  private Store opened;

  @Override
  protected IntegratorTokenStore open() {
    settings = StoreOnDatabase.H2.settings();
    opened = Store.open(settings);
    return opened.integratorTokens();
  }

  @Override
  protected void afterClose() {
    opened.close();
    StoreOnDatabase.H2.cleanUp(settings);
  }

  @Test
  void anotherNodeOnTheSameDatabaseHearsARevocationWithinASecond() throws Exception {
    store.create(token("t1", "a", null));
    try (Store otherNode = Store.open(settings)) {
      CountDownLatch heard = new CountDownLatch(1);
      otherNode.integratorTokens().onChange(heard::countDown);

      store.revoke("t1", T0.plusSeconds(5));

      assertThat(heard.await(2, TimeUnit.SECONDS)).isTrue();
      assertThat(otherNode.integratorTokens().all().get(0).revokedAt()).isEqualTo(T0.plusSeconds(5));
    }
  }
}
