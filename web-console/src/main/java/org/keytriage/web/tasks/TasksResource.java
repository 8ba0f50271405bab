package org.keytriage.web.tasks;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.keytriage.core.events.Origin;
import org.keytriage.core.gateway.Gateway;
import org.keytriage.core.gateway.TaskCall;
import org.keytriage.core.gateway.TaskOutcome;
import org.keytriage.spi.TaskInput;
import org.keytriage.spi.TaskResult;
import org.keytriage.web.config.WebSettings;
import org.keytriage.web.json.JsonText;
import org.keytriage.web.http.RequestIdFilter;
import org.keytriage.web.http.ServedBy;
import org.keytriage.web.security.CallerContext;
import org.keytriage.web.security.IntegratorAccess;
import org.keytriage.web.security.TaskScoped;
import org.keytriage.web.security.TaskScopes;
import org.keytriage.web.tasks.internal.TypedStreams;

/**
 * {@code POST /api/v1/tasks/{taskType}}: one typed task. The integrator's token must be scoped to
 * the task type (the same filters as {@code /v1}); the body is the task's input.
 */
@Path("api/v1/tasks")
@RequestScoped
@IntegratorAccess
@Tag(ref = "Tasks")
@SecurityRequirement(name = "integratorToken")
public class TasksResource {
  @Inject Gateway gateway;
  @Inject TypedStreams streams;
  @Inject WebSettings settings;
  @Inject CallerContext caller;
  @Context HttpHeaders headers;
  @Context HttpServletRequest request;

  @POST
  @Path("{" + TaskScopes.TASK_TYPE_PATH_PARAM + "}")
  @TaskScoped
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
  @Operation(
      summary = "Run a typed task",
      description = "Validates the task's input, sends the request its handler builds to a key chosen for the task"
          + " type, and answers the typed result: {task_type, result, structured, key_id, tokens {prompt, completion,"
          + " total}, cost, attempts, latency_ms}. With Accept: text/event-stream (meant for streaming_insights) the"
          + " text is relayed as server-sent events {\"delta\"}, then an event named result with the same JSON,"
          + " then data: [DONE]. No key left: 503 with Retry-After.")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
      schema = @Schema(type = SchemaType.OBJECT,
          description = "The task's input, e.g. {\"text\": \"…\", \"context\": \"diagnostic_evaluation\"} for"
              + " medical_text_analysis; see the README for each task type's fields")))
  @APIResponse(responseCode = "200", description = "The typed result, or an event stream when asked for",
      content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)),
        @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(responseCode = "400", description = "Malformed JSON, or invalid input: problem details with"
      + " errors [{field, message}] (never echoing a value)")
  @APIResponse(responseCode = "401", description = "No or an invalid integrator token")
  @APIResponse(responseCode = "403", description = "The integrator may not use this task type")
  @APIResponse(responseCode = "404", description = "No such task type (no handler, or no key configured for it)")
  @APIResponse(responseCode = "413", description = "Request body too large")
  @APIResponse(responseCode = "503", description = "No available API key for the task; see Retry-After")
  @APIResponse(responseCode = "504", description = "The request deadline ran out")
  public Response run(
      @Parameter(description = "The task type, e.g. medical_text_analysis")
          @PathParam(TaskScopes.TASK_TYPE_PATH_PARAM) String taskType,
      InputStream body) {
    String type = caller.taskType().orElseThrow();
    Map<String, Object> input = JsonText.readObject(body, settings.maxRequestBytes());
    TaskCall call = new TaskCall(type, TaskInput.of(input), Origin.TASK,
        caller.integrator().map(i -> i.name()).orElse(null), null, RequestIdFilter.of(request));
    if (wantsEvents()) {
      return streams.relay(call);
    }
    TaskOutcome<TaskResult> outcome = gateway.run(call);
    return Response.ok(JsonText.write(outcome.asJsonTree()), MediaType.APPLICATION_JSON)
        .header(ServedBy.KEY_ID, outcome.keyId())
        .header(ServedBy.ATTEMPTS, outcome.attempts())
        .header(ServedBy.TASK_TYPE, type)
        .build();
  }

  /** Server-sent events only when the client asks for them; JSON by default and for a wildcard. */
  private boolean wantsEvents() {
    return headers.getAcceptableMediaTypes().stream()
        .anyMatch(m -> !m.isWildcardType() && !m.isWildcardSubtype() && m.isCompatible(MediaType.SERVER_SENT_EVENTS_TYPE));
  }
}
