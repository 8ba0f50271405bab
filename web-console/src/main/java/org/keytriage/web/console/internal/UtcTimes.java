package org.keytriage.web.console.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The console's date pickers show and take UTC, as the request log and spend history keep time. */
public final class UtcTimes {
  private UtcTimes() {}

  public static Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }

  public static LocalDateTime local(Instant at) {
    return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
