package org.keytriage.core.integrators;

class InProcessIntegratorTokensTest extends IntegratorTokenStoreContract {
  @Override
  protected IntegratorTokenStore open() {
    return IntegratorTokenStore.inProcess();
  }
}
