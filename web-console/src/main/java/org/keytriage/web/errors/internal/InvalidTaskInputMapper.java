package org.keytriage.web.errors.internal;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keytriage.spi.FieldError;
import org.keytriage.tasks.InvalidTaskInputException;
import org.keytriage.web.errors.ErrorResponses;

/**
 * A task input (or a batch) its handler refused: 400 problem details with one {@code errors} entry
 * per bad field, {@code {"field", "message"}}. The handlers' messages say what is wrong and never
 * echo a value: inputs are patient data.
 */
@Provider
public class InvalidTaskInputMapper implements ExceptionMapper<InvalidTaskInputException> {
  @Context UriInfo uri;

  @Override
  public Response toResponse(InvalidTaskInputException e) {
    List<Map<String, String>> errors = e.errors().stream().map(InvalidTaskInputMapper::entry).toList();
    String detail = errors.size() == 1
        ? "One field of the input is invalid: " + errors.get(0).get("field") + "; see errors."
        : errors.size() + " fields of the input are invalid; see errors.";
    return ErrorResponses.render(uri.getPath(), 400, "invalid_task_input", "Invalid task input", detail,
        Map.of(), Map.of("errors", errors));
  }

  private static Map<String, String> entry(FieldError error) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("field", error.field());
    m.put("message", error.message());
    return m;
  }
}
