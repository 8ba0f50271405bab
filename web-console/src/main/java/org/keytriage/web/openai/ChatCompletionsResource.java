package org.keytriage.web.openai;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
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
import org.keytriage.core.gateway.Call;
import org.keytriage.core.gateway.Gateway;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.web.config.WebSettings;
import org.keytriage.web.http.ServedBy;
import org.keytriage.web.http.TaskTypeHeader;
import org.keytriage.web.json.JsonText;
import org.keytriage.web.openai.internal.ChatRequest;
import org.keytriage.web.openai.internal.StreamRelays;
import org.keytriage.web.security.CallerContext;
import org.keytriage.web.security.IntegratorAccess;
import org.keytriage.web.security.TaskScoped;

/** {@code POST /v1/chat/completions}, OpenAI's chat API, routed to a key for the task type. */
@Path("v1/chat/completions")
@RequestScoped
@IntegratorAccess
@Tag(ref = "OpenAI-compatible")
@SecurityRequirement(name = "integratorToken")
public class ChatCompletionsResource {
  @Inject Gateway gateway;
  @Inject WebSettings settings;
  @Inject CallerContext caller;
  @Inject StreamRelays streams;

  @POST
  @TaskScoped
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
  @Operation(
      summary = "Create a chat completion",
      description = "OpenAI's chat completion request, sent on to NVIDIA with a key chosen for the task type."
          + " With \"stream\": true the answer is relayed as server-sent events, chunk by chunk, ending with"
          + " data: [DONE]. No key left: 503 with Retry-After.")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
      schema = @Schema(type = SchemaType.OBJECT, description = "OpenAI chat completion request: model, messages, …")))
  @APIResponse(responseCode = "200", description = "The completion, or an event stream when stream is true",
      content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)),
        @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(responseCode = "400", description = "Malformed JSON, no task type, an unknown task type, or a request NVIDIA refused")
  @APIResponse(responseCode = "401", description = "No or an invalid integrator token")
  @APIResponse(responseCode = "403", description = "The integrator may not use this task type")
  @APIResponse(responseCode = "413", description = "Request body too large")
  @APIResponse(responseCode = "415", description = "Body not sent as application/json")
  @APIResponse(responseCode = "503", description = "No available API key for the task; see Retry-After")
  @APIResponse(responseCode = "504", description = "The request deadline ran out")
  public Response create(
      @Parameter(description = "The task type, e.g. medical_text_analysis; default keytriage.default-task-type")
          @HeaderParam(TaskTypeHeader.NAME) String taskTypeHeader,
      InputStream body) {
    String taskType = caller.taskType().orElseThrow();
    ChatRequest request = ChatRequest.read(body, settings.maxRequestBytes());
    Call call = new Call(taskType, request.upstream(), request.hints(), Origin.OPENAI,
        caller.integrator().map(i -> i.name()).orElse(null));
    if (request.streaming()) {
      return streams.relay(call);
    }
    GatewayResponse response = gateway.complete(call);
    return Response.ok(JsonText.write(response.body()), MediaType.APPLICATION_JSON)
        .header(ServedBy.KEY_ID, response.keyId())
        .header(ServedBy.ATTEMPTS, response.attempts())
        .header(ServedBy.TASK_TYPE, taskType)
        .build();
  }
}
