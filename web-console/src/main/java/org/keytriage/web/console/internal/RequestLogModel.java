package org.keytriage.web.console.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.keytriage.core.requests.RequestLogStore;
import org.keytriage.core.requests.RequestPage;
import org.keytriage.core.requests.RequestQuery;
import org.keytriage.core.requests.RequestRecord;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The request log one page at a time, newest first: each page is one query of the store with the
 * page's filters, offset and size, so a log of millions of rows costs what one page costs. Its
 * sources are not serialised: a view that was (session replication) makes a new model.
 */
public final class RequestLogModel extends LazyDataModel<RequestRecord> {
  private static final long serialVersionUID = 1L;

  private final transient Supplier<RequestLogStore> store;
  private final transient Supplier<RequestQuery> filters;
  private long total;

  public RequestLogModel(Supplier<RequestLogStore> store, Supplier<RequestQuery> filters) {
    this.store = store;
    this.filters = filters;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, total);
  }

  @Override
  public List<RequestRecord> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    RequestPage page = store.get().find(filters.get().page(first, Math.min(pageSize, RequestQuery.MAX_LIMIT)));
    total = page.total();
    setRowCount((int) Math.min(Integer.MAX_VALUE, total));
    return page.rows();
  }

  @Override
  public String getRowKey(RequestRecord row) {
    return row.requestId();
  }
}
