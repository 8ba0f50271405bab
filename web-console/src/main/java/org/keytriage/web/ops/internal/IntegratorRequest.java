package org.keytriage.web.ops.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keytriage.web.errors.ApiException;
import org.keytriage.web.security.Integrator;

/**
 * A request to create an integrator token: {@code name}, {@code task_types}, optional {@code
 * expires_at}; each problem a 400 that names the field.
 */
public record IntegratorRequest(String name, Set<String> taskTypes, Instant expiresAt) {

  public static IntegratorRequest read(Map<String, Object> body, Set<String> knownTaskTypes, Instant now) {
    for (String field : body.keySet()) {
      if (!Set.of("name", "task_types", "expires_at").contains(field)) {
        throw invalid(field, "is not a field of an integrator; send name, task_types and optionally expires_at");
      }
    }
    if (!(body.get("name") instanceof String name) || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
      throw invalid("name", "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    if (!(body.get("task_types") instanceof List<?> list) || list.isEmpty()) {
      throw invalid("task_types", "must be a non-empty list of task types, or [\"*\"] for every task type");
    }
    Set<String> tasks = new LinkedHashSet<>();
    for (Object t : list) {
      String type = String.valueOf(t);
      if (!type.equals(Integrator.ALL_TASK_TYPES) && !knownTaskTypes.contains(type)) {
        throw invalid("task_types", "names '" + type + "', which is not a task type here; known: "
            + String.join(", ", new java.util.TreeSet<>(knownTaskTypes)));
      }
      tasks.add(type);
    }
    Instant expires = null;
    Object raw = body.get("expires_at");
    if (raw != null) {
      String v = String.valueOf(raw).trim();
      try {
        expires = v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
      } catch (DateTimeParseException e) {
        throw invalid("expires_at", "must be an instant (2027-01-01T00:00:00Z) or a date (2027-01-01)");
      }
      if (!expires.isAfter(now)) {
        throw invalid("expires_at", "must be in the future");
      }
    }
    return new IntegratorRequest(name, tasks, expires);
  }

  private static ApiException invalid(String field, String what) {
    return ApiException.badRequest("invalid_integrator", "Invalid integrator", "Field '" + field + "' " + what + ".");
  }
}
