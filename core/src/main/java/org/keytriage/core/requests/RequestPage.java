package org.keytriage.core.requests;

import java.util.List;

/**
 * One page of the request log.
 *
 * @param rows the page's rows, newest first
 * @param total how many rows match the query in all
 */
public record RequestPage(List<RequestRecord> rows, long total) {
  public RequestPage {
    rows = List.copyOf(rows);
  }
}
