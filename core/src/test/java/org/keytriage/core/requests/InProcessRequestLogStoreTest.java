package org.keytriage.core.requests;

class InProcessRequestLogStoreTest extends RequestLogStoreContract {
  @Override
  protected RequestLogStore open() {
    return RequestLogStore.inProcess();
  }
}
