package org.keytriage.web.history.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keytriage.core.audit.AuditEntry;
import org.keytriage.core.audit.ChainVerification;
import org.keytriage.core.requests.RequestRecord;
import org.keytriage.core.requests.SpendRow;

/** The JSON trees and CSV tables of the history resources (snake_case, as the guide's reports). */
public final class HistoryViews {
  public static final List<String> REQUEST_COLUMNS = List.of("request_id", "time", "integrator", "origin", "task_type",
      "key_id", "attempts", "prompt_tokens", "completion_tokens", "cost", "latency_ms", "outcome");
  public static final List<String> SPEND_COLUMNS =
      List.of("period_start", "group", "requests", "prompt_tokens", "completion_tokens", "total_tokens", "cost");

  private HistoryViews() {}

  public static Map<String, Object> request(RequestRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("request_id", r.requestId());
    m.put("time", r.at().toString());
    m.put("integrator", r.integrator());
    m.put("origin", r.origin().label());
    m.put("task_type", r.taskType());
    m.put("key_id", r.keyId());
    m.put("attempts", r.attempts());
    m.put("prompt_tokens", r.promptTokens());
    m.put("completion_tokens", r.completionTokens());
    m.put("cost", r.cost());
    m.put("latency_ms", r.latencyMillis());
    m.put("outcome", r.outcome());
    return m;
  }

  public static String requestsCsv(List<RequestRecord> rows) {
    Csv csv = new Csv(REQUEST_COLUMNS);
    rows.forEach(r -> csv.row(r.requestId(), r.at(), r.integrator(), r.origin().label(), r.taskType(), r.keyId(),
        r.attempts(), r.promptTokens(), r.completionTokens(), r.cost(), r.latencyMillis(), r.outcome()));
    return csv.toString();
  }

  public static Map<String, Object> spend(SpendRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("period_start", r.periodStart().toString());
    m.put("group", r.group());
    m.put("requests", r.requests());
    m.put("prompt_tokens", r.promptTokens());
    m.put("completion_tokens", r.completionTokens());
    m.put("total_tokens", r.promptTokens() + r.completionTokens());
    m.put("cost", r.cost());
    return m;
  }

  public static String spendCsv(List<SpendRow> rows) {
    Csv csv = new Csv(SPEND_COLUMNS);
    rows.forEach(r -> csv.row(r.periodStart(), r.group(), r.requests(), r.promptTokens(), r.completionTokens(),
        r.promptTokens() + r.completionTokens(), r.cost()));
    return csv.toString();
  }

  public static Map<String, Object> audit(AuditEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", e.seq());
    m.put("time", e.record().at().toString());
    m.put("actor", e.record().actor());
    m.put("action", e.record().action());
    m.put("target", e.record().target());
    m.put("details", new LinkedHashMap<>(e.record().details()));
    m.put("previous_hash", e.previousHash());
    m.put("hash", e.hash());
    return m;
  }

  public static Map<String, Object> verification(ChainVerification v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("intact", v.intact());
    m.put("entries", v.entries());
    m.put("head_hash", v.headHash());
    m.put("first_bad_seq", v.firstBadSeq() == 0 ? null : v.firstBadSeq());
    m.put("problem", v.problem().isEmpty() ? null : v.problem());
    return m;
  }

  /** The lower-case name used in query parameters and answers. */
  public static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
