package org.keytriage.store;

import org.keytriage.core.requests.RequestLogStore;
import org.keytriage.core.requests.RequestLogStoreContract;

/** The request log contract on H2, from an empty database migrated by the store. */
class H2RequestLogStoreTest extends RequestLogStoreContract {
  private StoreSettings settings;
  private Store opened;

  @Override
  protected RequestLogStore open() {
    settings = StoreOnDatabase.H2.settings();
    opened = Store.open(settings);
    return opened.requestLog();
  }

  @Override
  protected void afterClose() {
    opened.close();
    StoreOnDatabase.H2.cleanUp(settings);
  }
}
