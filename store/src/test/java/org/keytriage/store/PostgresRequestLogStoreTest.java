package org.keytriage.store;

import org.keytriage.core.requests.RequestLogStore;
import org.keytriage.core.requests.RequestLogStoreContract;

/** The request log contract on Postgres, from an empty database migrated by the store. */
class PostgresRequestLogStoreTest extends RequestLogStoreContract {
  private StoreSettings settings;
  private Store opened;

  @Override
  protected RequestLogStore open() {
    settings = StoreOnDatabase.POSTGRES.settings();
    opened = Store.open(settings);
    return opened.requestLog();
  }

  @Override
  protected void afterClose() {
    opened.close();
    StoreOnDatabase.POSTGRES.cleanUp(settings);
  }
}
