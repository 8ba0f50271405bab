package org.keytriage.tasks.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.keytriage.spi.ConfigProperty;
import org.keytriage.spi.ConfigPropertyType;
import org.keytriage.spi.FieldError;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskHandler;
import org.keytriage.spi.TaskHandlerFactory;
import org.keytriage.spi.TaskInput;
import org.keytriage.spi.TaskResult;
import org.keytriage.spi.UpstreamRequest;
import org.keytriage.spi.UpstreamResponse;

/**
 * The contract every {@link TaskHandler} and its {@link TaskHandlerFactory} must keep. Extend it
 * with {@link #factory()}, {@link #validInputs()} and {@link #structuredAnswer()}; override {@link
 * #config()} when the handler needs settings. Randomness is seeded, so a failure reproduces.
 *
 * <p>What it checks: validation never throws, whatever the input (empty, wrong types, random
 * trees, almost-valid trees), and never echoes a value; valid inputs pass and give a request on a
 * {@code /v1/} path with a model and messages, and hints with a positive token estimate; parsing
 * never throws on garbage and then says {@code structured=false}; no {@code toString()} shows a
 * value; the factory's metadata is sane and {@link ServiceLoader} finds it.
 */
public abstract class TaskHandlerContract {
  private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  private static final long SEED = 20_250_611L;
  private static final int RANDOM_ROUNDS = 2_000;
  /** Looks like nothing a handler would write itself; any echo of it is a leak. */
  private static final String MARKER = "PHI-Zq7Xw3-secret-patient-value";

  /** The factory under test; may return a new instance on each call. */
  protected abstract TaskHandlerFactory factory();

  /** Inputs the handler must accept: at least one, covering the optional fields too. */
  protected abstract List<Map<String, Object>> validInputs();

  /** A model answer (the assistant's content) of the JSON shape the handler asks for. */
  protected abstract String structuredAnswer();

  /** Whether an input with no fields at all is valid; false by default (most tasks need data). */
  protected boolean acceptsEmptyInput() {
    return false;
  }

  /**
   * The settings the suite creates handlers with; by default none, with the engine's JSON codec as
   * the gateway gives it ({@link ProviderConfigs}).
   */
  protected ProviderConfig config() {
    return ProviderConfigs.empty();
  }

  private TaskHandler handler() {
    TaskHandler handler = factory().create(config());
    assertThat(handler).as("create(config()) result").isNotNull();
    return handler;
  }

  // ---- validation ----

  @Test
  void validInputsHaveNoErrors() {
    TaskHandler handler = handler();
    assertThat(validInputs()).as("validInputs()").isNotEmpty();
    for (Map<String, Object> input : validInputs()) {
      assertThat(handler.validate(TaskInput.of(input))).as("errors for %s", input.keySet()).isEmpty();
    }
  }

  @Test
  void emptyInputIsAnsweredWithFieldErrors() {
    List<FieldError> errors = handler().validate(TaskInput.of(Map.of()));
    assertThat(errors).as("errors for no input at all").doesNotContainNull();
    if (!acceptsEmptyInput()) {
      assertThat(errors).as("errors for no input at all").isNotEmpty();
    }
  }

  @Test
  void validateNeverThrowsForWrongTypesInAnyField() {
    TaskHandler handler = handler();
    List<Object> wrong = wrongValues();
    for (Map<String, Object> valid : validInputs()) {
      for (List<Object> path : paths(valid)) {
        for (Object bad : wrong) {
          Map<String, Object> input = replaced(valid, path, bad);
          assertThatCode(() -> handler.validate(TaskInput.of(input)))
              .as("validate with %s at %s", describe(bad), path)
              .doesNotThrowAnyException();
        }
      }
    }
  }

  @Test
  void validateNeverThrowsForRandomInput() {
    TaskHandler handler = handler();
    RandomValues random = new RandomValues(SEED, fieldNames());
    List<Map<String, Object>> valid = validInputs();
    for (int i = 0; i < RANDOM_ROUNDS; i++) {
      Map<String, Object> input =
          i % 2 == 0 ? random.object(4) : random.mutate(valid.get(i % valid.size()));
      int round = i;
      assertThatCode(() -> handler.validate(TaskInput.of(input)))
          .as("round %d (seed %d)", round, SEED)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void fieldErrorsNeverEchoValues() {
    TaskHandler handler = handler();
    List<Object> leaky =
        List.of(MARKER, MARKER.repeat(20_000), List.of(MARKER), Map.of("v", MARKER),
            List.of(Map.of("v", MARKER)));
    SoftAssertions softly = new SoftAssertions();
    for (Map<String, Object> valid : validInputs()) {
      for (List<Object> path : paths(valid)) {
        for (Object bad : leaky) {
          for (FieldError e : handler.validate(TaskInput.of(replaced(valid, path, bad)))) {
            softly.assertThat(e.field() + " " + e.message())
                .as("error at %s for %s", path, describe(bad))
                .doesNotContain(MARKER);
          }
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void fieldErrorsNameFieldsAndSayWhatIsWrong() {
    TaskHandler handler = handler();
    RandomValues random = new RandomValues(SEED + 1, fieldNames());
    for (int i = 0; i < 200; i++) {
      for (FieldError e : handler.validate(TaskInput.of(random.object(3)))) {
        assertThat(e.message()).as("message for %s", e.field()).isNotBlank();
      }
    }
  }

  // ---- request and hints ----

  @Test
  void buildRequestGivesAV1PathAModelAndMessages() {
    TaskHandler handler = handler();
    for (Map<String, Object> valid : validInputs()) {
      UpstreamRequest request = handler.buildRequest(TaskInput.of(valid));
      assertThat(request.path()).startsWith("/v1/");
      assertThat(request.model()).isNotBlank();
      assertThat(request.body().get("model")).isEqualTo(request.model());
      assertThat(request.body().get("messages"))
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
          .isNotEmpty()
          .allSatisfy(m -> assertThat(m).isInstanceOf(Map.class)
              .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
              .containsKeys("role", "content"));
      if (request.streaming()) {
        assertThat(request.body().get("stream")).isEqualTo(Boolean.TRUE);
      }
    }
  }

  @Test
  void routingHintsEstimateTokensAndAgreeOnStreaming() {
    TaskHandler handler = handler();
    for (Map<String, Object> valid : validInputs()) {
      TaskInput input = TaskInput.of(valid);
      RoutingHints hints = handler.routingHints(input);
      assertThat(hints.estimatedTokens()).isPositive();
      assertThat(hints.streaming()).isEqualTo(handler.buildRequest(input).streaming());
    }
  }

  @Test
  void buildingIsDeterministic() {
    TaskHandler handler = handler();
    for (Map<String, Object> valid : validInputs()) {
      TaskInput input = TaskInput.of(valid);
      assertThat(handler.buildRequest(input).body()).isEqualTo(handler.buildRequest(input).body());
      assertThat(handler.routingHints(input)).isEqualTo(handler.routingHints(input));
    }
  }

  // ---- parsing ----

  @Test
  void parseResponseReadsTheAskedShape() {
    TaskHandler handler = handler();
    TaskInput input = TaskInput.of(validInputs().get(0));
    TaskResult plain = handler.parseResponse(input, answer(structuredAnswer()));
    assertThat(plain.structured()).as("structured for %s", "structuredAnswer()").isTrue();
    assertThat(plain.fields()).isNotEmpty();
    TaskResult fenced =
        handler.parseResponse(input, answer("```json\n" + structuredAnswer() + "\n```"));
    assertThat(fenced.structured()).as("structured inside a ```json fence").isTrue();
    assertThat(fenced.fields()).isEqualTo(plain.fields());
  }

  @Test
  void parseResponseNeverThrowsOnGarbageAndSaysUnstructured() {
    TaskHandler handler = handler();
    TaskInput input = TaskInput.of(validInputs().get(0));
    for (UpstreamResponse garbage : garbageResponses()) {
      TaskResult[] result = new TaskResult[1];
      assertThatCode(() -> result[0] = handler.parseResponse(input, garbage))
          .as("parsing %s", garbage.body())
          .doesNotThrowAnyException();
      assertThat(result[0]).as("result for %s", garbage.body()).isNotNull();
      assertThat(result[0].structured()).as("structured for %s", garbage.body()).isFalse();
    }
  }

  @Test
  void parseResponseNeverThrowsForAnyInput() {
    TaskHandler handler = handler();
    RandomValues random = new RandomValues(SEED + 2, fieldNames());
    for (int i = 0; i < 200; i++) {
      TaskInput input = TaskInput.of(random.object(3));
      assertThatCode(() -> handler.parseResponse(input, answer(structuredAnswer())))
          .doesNotThrowAnyException();
      assertThatCode(() -> handler.parseResponse(input, answer("not json")))
          .doesNotThrowAnyException();
    }
  }

  // ---- no content in toString ----

  @Test
  void toStringNeverShowsValues() {
    TaskHandler handler = handler();
    for (Map<String, Object> valid : validInputs()) {
      TaskInput input = TaskInput.of(valid);
      Set<String> secrets = stringLeaves(valid);
      List<String> printed = new ArrayList<>();
      printed.add(input.toString());
      printed.add(handler.toString());
      printed.add(handler.buildRequest(input).toString());
      printed.add(handler.routingHints(input).toString());
      TaskResult structured = handler.parseResponse(input, answer(structuredAnswer()));
      printed.add(structured.toString());
      TaskResult fallback = handler.parseResponse(input, answer("Free text about " + MARKER));
      printed.add(fallback.toString());
      secrets.addAll(stringLeaves(structured.fields()));
      secrets.add(MARKER);
      for (String text : printed) {
        for (String secret : secrets) {
          assertThat(text).as("toString output").doesNotContain(secret);
        }
      }
    }
  }

  // ---- factory ----

  @Test
  void taskTypeIsTheFactoryId() {
    assertThat(handler().taskType()).isEqualTo(factory().id());
  }

  @Test
  void idIsNonBlankSnakeCase() {
    assertThat(factory().id()).isNotBlank().matches(SNAKE_CASE);
  }

  @Test
  void descriptionIsNotBlank() {
    assertThat(factory().description()).isNotBlank();
  }

  @Test
  void configPropertiesAreDescribed() {
    List<ConfigProperty> properties = factory().configProperties();
    assertThat(properties).isNotNull().doesNotContainNull();
    Set<String> names = new HashSet<>();
    SoftAssertions softly = new SoftAssertions();
    for (ConfigProperty property : properties) {
      String name = property.name();
      softly.assertThat(name).as("property name").matches(SNAKE_CASE);
      softly.assertThat(names.add(name)).as("'%s' is listed once", name).isTrue();
      softly.assertThat(property.label()).as("label of '%s'", name).isNotBlank();
      softly.assertThat(property.helpText()).as("help of '%s'", name).isNotBlank();
      if (property.type() == ConfigPropertyType.CHOICE) {
        softly.assertThat(property.options()).as("options of '%s'", name).isNotEmpty();
      }
      if (property.defaultValue() != null) {
        softly.assertThat(defaultParses(property))
            .as("default '%s' of '%s' parses as %s", property.defaultValue(), name, property.type())
            .isTrue();
      }
    }
    softly.assertAll();
  }

  @Test
  void createsWithEveryDefaultAndWithEmptyConfig() {
    Map<String, String> defaults = new HashMap<>();
    for (ConfigProperty property : factory().configProperties()) {
      if (property.defaultValue() != null) {
        defaults.put(property.name(), property.defaultValue());
      }
    }
    TaskHandler withDefaults = factory().create(ProviderConfigs.of(defaults));
    TaskHandler empty = factory().create(ProviderConfigs.empty());
    TaskInput input = TaskInput.of(validInputs().get(0));
    assertThat(withDefaults.buildRequest(input).body()).isEqualTo(empty.buildRequest(input).body());
  }

  @Test
  void badNumericSettingIsRejectedByName() {
    for (ConfigProperty property : factory().configProperties()) {
      if (property.type() == ConfigPropertyType.INTEGER
          || property.type() == ConfigPropertyType.DECIMAL) {
        ProviderConfig bad = ProviderConfigs.of(Map.of(property.name(), "not-a-number"));
        assertThatThrownBy(() -> factory().create(bad))
            .as("create() with %s = 'not-a-number'", property.name())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(property.name());
      }
    }
  }

  @Test
  void isDiscoverableWithServiceLoader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    TaskHandlerFactory expected = factory();
    List<TaskHandlerFactory> found = new ArrayList<>();
    ServiceLoader.load(TaskHandlerFactory.class, loader).forEach(found::add);
    assertThat(found)
        .as("factories registered in META-INF/services/%s", TaskHandlerFactory.class.getName())
        .anySatisfy(f -> {
          assertThat(f).isExactlyInstanceOf(expected.getClass());
          assertThat(f.id()).isEqualTo(expected.id());
        });
  }

  @Test
  void hasPublicNoArgConstructor() throws Exception {
    Class<?> type = factory().getClass();
    assertThat(Modifier.isPublic(type.getModifiers())).as("%s is public", type).isTrue();
    assertThat(Modifier.isPublic(type.getConstructor().getModifiers())).isTrue();
  }

  // ---- helpers ----

  /** A chat completion whose assistant content is {@code content}. */
  protected static UpstreamResponse answer(String content) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("role", "assistant");
    message.put("content", content);
    return new UpstreamResponse(200, Map.of("choices", List.of(Map.of("index", 0, "message", message))));
  }

  private static List<UpstreamResponse> garbageResponses() {
    List<UpstreamResponse> out = new ArrayList<>();
    out.add(new UpstreamResponse(200, Map.of()));
    out.add(new UpstreamResponse(200, null));
    out.add(new UpstreamResponse(200, Map.of("choices", List.of())));
    out.add(new UpstreamResponse(200, Map.of("choices", "not a list")));
    out.add(new UpstreamResponse(200, Map.of("choices", List.of(Map.of()))));
    out.add(new UpstreamResponse(200, Map.of("choices", List.of(Map.of("message", "text")))));
    out.add(new UpstreamResponse(200, Map.of("choices", List.of(Map.of("message", Map.of())))));
    out.add(new UpstreamResponse(200,
        Map.of("choices", List.of(Map.of("message", Map.of("content", 42))))));
    out.add(new UpstreamResponse(200, Map.of("choices",
        List.of(Map.of("message", Map.of("content", List.of(Map.of("type", "image_url"), 7)))))));
    List<Object> nullChoice = new ArrayList<>();
    nullChoice.add(null);
    out.add(new UpstreamResponse(200, Map.of("choices", nullChoice)));
    for (String content : List.of("", "   ", "not json at all", "{", "}", "{\"unclosed\": ",
        "[1, 2, 3]", "\"just a string\"", "42", "null", "{}", "{\"unrelated\": 1}",
        "```json\n{\"unrelated\": {\"deep\": [1, 2]}}\n```", "```json\n", "```", "Here you go: {",
        "{'single': 'quotes'}", "{\"a\": 1,}", "[" .repeat(10_000), "{\"a\":".repeat(10_000),
        "\u0000\uFFFF\uD800")) {
      out.add(answer(content));
    }
    return out;
  }

  private static List<Object> wrongValues() {
    List<Object> cyclic = new ArrayList<>();
    cyclic.add("x");
    List<Object> values = new ArrayList<>();
    values.add(null);
    values.add("");
    values.add(" ");
    values.add("x".repeat(250_000));
    values.add(0);
    values.add(-1L);
    values.add(Double.NaN);
    values.add(Double.POSITIVE_INFINITY);
    values.add(1.5);
    values.add(true);
    values.add(List.of());
    values.add(List.of(1, "a", List.of()));
    values.add(Map.of());
    values.add(Map.of("k", List.of(Map.of())));
    values.add(new Object());
    values.add(new int[] {1, 2});
    values.add(java.util.Collections.nCopies(10_000, "x"));
    return values;
  }

  /** Every path to a value in the tree: keys and list indexes, the root's fields first. */
  private static List<List<Object>> paths(Map<String, Object> tree) {
    List<List<Object>> out = new ArrayList<>();
    collect(tree, new ArrayList<>(), out);
    return out;
  }

  private static void collect(Object node, List<Object> at, List<List<Object>> out) {
    if (node instanceof Map<?, ?> m) {
      for (Object key : m.keySet()) {
        List<Object> p = new ArrayList<>(at);
        p.add(key);
        out.add(p);
        collect(m.get(key), p, out);
      }
    } else if (node instanceof List<?> l) {
      for (int i = 0; i < Math.min(l.size(), 3); i++) {
        List<Object> p = new ArrayList<>(at);
        p.add(i);
        out.add(p);
        collect(l.get(i), p, out);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> replaced(Map<String, Object> tree, List<Object> path, Object v) {
    Map<String, Object> copy = RandomValues.deepCopy(tree);
    Object node = copy;
    for (int i = 0; i < path.size() - 1; i++) {
      Object step = path.get(i);
      node = node instanceof Map<?, ?> m ? m.get(step) : ((List<Object>) node).get((Integer) step);
    }
    Object last = path.get(path.size() - 1);
    if (node instanceof Map<?, ?> m) {
      ((Map<String, Object>) m).put((String) last, v);
    } else {
      ((List<Object>) node).set((Integer) last, v);
    }
    return copy;
  }

  /** The field names at every level of the valid inputs. */
  private Set<String> fieldNames() {
    Set<String> names = new LinkedHashSet<>();
    for (Map<String, Object> input : validInputs()) {
      for (List<Object> path : paths(input)) {
        Object last = path.get(path.size() - 1);
        if (last instanceof String s) {
          names.add(s);
        }
      }
    }
    return names;
  }

  /** String values of at least 6 characters (shorter ones, like "A/G", occur in any text). */
  private static Set<String> stringLeaves(Object tree) {
    Set<String> out = new LinkedHashSet<>();
    if (tree instanceof String s && s.length() >= 6) {
      out.add(s);
    } else if (tree instanceof Map<?, ?> m) {
      m.values().forEach(v -> out.addAll(stringLeaves(v)));
    } else if (tree instanceof List<?> l) {
      l.forEach(v -> out.addAll(stringLeaves(v)));
    }
    return out;
  }

  private static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return "a string of " + s.length() + " chars";
    }
    if (v instanceof List<?> l) {
      return "a list of " + l.size();
    }
    return "a " + v.getClass().getSimpleName();
  }

  private static boolean defaultParses(ConfigProperty property) {
    String value = property.defaultValue().trim();
    try {
      switch (property.type()) {
        case INTEGER:
          Long.parseLong(value);
          return true;
        case DECIMAL:
          Double.parseDouble(value);
          return true;
        case BOOLEAN:
          return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
        case CHOICE:
          return property.options().contains(property.defaultValue());
        default:
          return true;
      }
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
