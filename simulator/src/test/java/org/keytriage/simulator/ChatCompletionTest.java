package org.keytriage.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatCompletionTest {
  private static final String KEY = "sim-chat-test-key-01";

  private NvidiaSimulator simulator;
  private SimClient client;

  @BeforeEach
  void start() {
    Scenario scenario =
        Scenario.builder().key(KEY, KeyBehaviour.builder().label("chat").build()).build();
    simulator = NvidiaSimulator.start(SimulatorConfig.of(scenario));
    client = new SimClient(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void answersInOpenAiShapeWithPredictableUsage() {
    // "Hello there, how are you?" is 25 characters: ceil(25 / 4) = 7, plus 4 for the message.
    HttpResponse<String> response =
        client.chat(KEY, SimClient.chatBody("Hello there, how are you?"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonObject body = SimClient.json(response);
    assertThat(body.getString("id")).startsWith("chatcmpl-");
    assertThat(body.getString("object")).isEqualTo("chat.completion");
    assertThat(body.getJsonNumber("created").longValue()).isPositive();
    assertThat(body.getString("model")).isEqualTo("meta/llama-3.1-8b-instruct");
    JsonObject choice = body.getJsonArray("choices").getJsonObject(0);
    assertThat(choice.getInt("index")).isZero();
    assertThat(choice.getString("finish_reason")).isEqualTo("stop");
    assertThat(choice.getJsonObject("message").getString("role")).isEqualTo("assistant");
    JsonObject usage = body.getJsonObject("usage");
    assertThat(usage.getInt("prompt_tokens")).isEqualTo(11);
    assertThat(usage.getInt("completion_tokens")).isEqualTo(16 + 11 % 48);
    assertThat(usage.getInt("total_tokens")).isEqualTo(11 + 27);
    String content = choice.getJsonObject("message").getString("content");
    assertThat(content.split(" ")).hasSize(27);
  }

  @Test
  void sameRequestGetsTheSameAnswer() {
    String body = SimClient.chatBody("Summarise the discharge note.");
    JsonObject first = SimClient.json(client.chat(KEY, body));
    JsonObject second = SimClient.json(client.chat(KEY, body));

    assertThat(content(second)).isEqualTo(content(first));
    assertThat(second.getJsonObject("usage")).isEqualTo(first.getJsonObject("usage"));
    assertThat(second.getString("id")).isNotEqualTo(first.getString("id"));
  }

  @Test
  void maxTokensCapsTheCompletion() {
    String body =
        "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    JsonObject answer = SimClient.json(client.chat(KEY, body));

    assertThat(answer.getJsonObject("usage").getInt("completion_tokens")).isEqualTo(5);
    assertThat(content(answer).split(" ")).hasSize(5);
  }

  @Test
  void asksForJsonGetsAJsonObject() {
    JsonObject answer =
        SimClient.json(client.chat(KEY, SimClient.chatBody("List the findings as json please")));

    JsonObject content = SimClient.json(content(answer));
    assertThat(content.getString("summary")).isNotBlank();
    assertThat(content.getJsonArray("findings")).isNotEmpty();
  }

  @Test
  void aTaskLineInTheSystemPromptShapesTheJsonAnswer() {
    String body =
        "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":"
            + "\"Task: diagnostic_report_generation\\nYou write reports.\"},"
            + "{\"role\":\"user\",\"content\":\"Patient data. Answer as JSON.\"}]}";
    JsonObject content = SimClient.json(content(SimClient.json(client.chat(KEY, body))));

    assertThat(content.keySet())
        .containsExactly("summary", "findings", "impression", "recommendations");
    assertThat(content.getString("impression")).isNotBlank();
  }

  @Test
  void jsonStaysValidEvenWhenTiny() {
    String body =
        "{\"model\":\"m\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"JSON\"}]}";
    JsonObject content = SimClient.json(content(SimClient.json(client.chat(KEY, body))));

    assertThat(content.containsKey("summary")).isTrue();
    assertThat(content.getJsonArray("findings")).isEmpty();
  }

  @Test
  void imagePartsCountAFixedAmount() {
    String body =
        "{\"model\":\"meta/llama-3.2-11b-vision-instruct\",\"messages\":[{\"role\":\"user\","
            + "\"content\":[{\"type\":\"text\",\"text\":\"Describe this image\"},"
            + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,AAAA\"}}]}]}";
    JsonObject usage = SimClient.json(client.chat(KEY, body)).getJsonObject("usage");

    // 4 per message + ceil(19 / 4) = 5 for the text + 85 for the image.
    assertThat(usage.getInt("prompt_tokens")).isEqualTo(94);
    assertThat(usage.getInt("completion_tokens")).isEqualTo(16 + 94 % 48);
  }

  @Test
  void malformedBodiesGet400AndAreWitnessed() {
    HttpResponse<String> notJson = client.chat(KEY, "{nope");
    HttpResponse<String> noMessages = client.chat(KEY, "{\"model\":\"m\",\"messages\":[]}");
    HttpResponse<String> badMax =
        client.chat(
            KEY,
            "{\"model\":\"m\",\"max_tokens\":0,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(noMessages.statusCode()).isEqualTo(400);
    assertThat(SimClient.json(noMessages).getJsonObject("error").getString("message"))
        .contains("messages");
    assertThat(badMax.statusCode()).isEqualTo(400);
    assertThat(simulator.witness().entries("chat"))
        .extracting(WitnessEntry::status)
        .containsExactly(400, 400, 400);
    assertThat(simulator.witness().entries("chat")).noneMatch(WitnessEntry::accepted);
  }

  @Test
  void wrongMethodAndUnknownPathAreRefused() {
    assertThat(client.get("/v1/chat/completions", KEY).statusCode()).isEqualTo(405);
    assertThat(client.get("/v1/nothing-here", KEY).statusCode()).isEqualTo(404);
  }

  @Test
  void successesAreWitnessedWithTotalTokens() {
    client.chat(KEY, SimClient.chatBody("Hello there, how are you?"));

    assertThat(simulator.witness().entries("chat"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.status()).isEqualTo(200);
              assertThat(e.tokens()).isEqualTo(38);
              assertThat(e.accepted()).isTrue();
              assertThat(e.endpoint()).isEqualTo("/v1/chat/completions");
            });
  }

  private static String content(JsonObject answer) {
    return answer
        .getJsonArray("choices")
        .getJsonObject(0)
        .getJsonObject("message")
        .getString("content");
  }
}
