package org.keytriage.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keytriage.core.audit.AuditEntry;
import org.keytriage.core.audit.AuditRecord;

/** A row of {@code kt_audit}; the details are a JSON object of strings. */
@Entity
@Table(name = "kt_audit")
public class AuditRow {
  @Id
  long seq;

  @Column(name = "at_ms")
  long atMs;

  String actor;
  String action;
  String target;
  String details;

  @Column(name = "previous_hash")
  String previousHash;

  String hash;

  protected AuditRow() {}

  static AuditRow of(AuditEntry e) {
    AuditRow row = new AuditRow();
    row.seq = e.seq();
    row.atMs = e.record().at().toEpochMilli();
    row.actor = e.record().actor();
    row.action = e.record().action();
    row.target = e.record().target();
    JsonObjectBuilder details = Json.createObjectBuilder();
    e.record().details().forEach(details::add);
    row.details = details.build().toString();
    row.previousHash = e.previousHash();
    row.hash = e.hash();
    return row;
  }

  AuditEntry toEntry() {
    Map<String, String> map = new LinkedHashMap<>();
    try (JsonReader reader = Json.createReader(new StringReader(details))) {
      JsonObject o = reader.readObject();
      o.forEach((k, v) -> map.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
    }
    // CHAR(64) columns may come back padded on some databases
    return new AuditEntry(seq, new AuditRecord(Instant.ofEpochMilli(atMs), actor, action, target, map),
        previousHash.trim(), hash.trim());
  }
}
