package org.keytriage.simulator.internal;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.keytriage.simulator.KeyBehaviour;
import org.keytriage.simulator.Scenario;
import org.keytriage.simulator.ScenarioException;

/** Reads scenario JSON from text, a file or the classpath, with errors that name the culprit. */
public final class ScenarioJson {
  /** Prefix of a scenario location that names a classpath resource. */
  public static final String CLASSPATH_PREFIX = "classpath:";

  private static final Set<String> TOP_FIELDS = Set.of("seed", "keys", "accept_unknown_keys");
  private static final Set<String> KEY_FIELDS = withApiKey(BehaviourJson.FIELDS);

  private ScenarioJson() {}

  /** Loads {@code classpath:resource} or a file path. */
  public static Scenario load(String location) {
    if (location == null || location.isBlank()) {
      throw new ScenarioException("no scenario location given");
    }
    if (location.startsWith(CLASSPATH_PREFIX)) {
      String resource = location.substring(CLASSPATH_PREFIX.length());
      while (resource.startsWith("/")) {
        resource = resource.substring(1);
      }
      return parse(readResource(resource, location), location);
    }
    return load(Path.of(location));
  }

  public static Scenario load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ScenarioException("scenario file not found: " + file.toAbsolutePath());
    } catch (IOException e) {
      throw new ScenarioException("cannot read scenario file " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /**
   * @param source the file or resource the text came from, for messages
   */
  public static Scenario parse(String json, String source) {
    try {
      return parse(Json.parseObject(json));
    } catch (IllegalArgumentException e) {
      throw new ScenarioException("bad scenario " + source + ": " + e.getMessage(), e);
    }
  }

  private static Scenario parse(JsonObject root) {
    JsonFields.rejectUnknown(root, TOP_FIELDS, "");
    Scenario.Builder scenario =
        Scenario.builder()
            .seed(JsonFields.wholeNumber(root, "seed", 0, ""))
            .acceptUnknownKeys(JsonFields.bool(root, "accept_unknown_keys", false, ""));
    if (!JsonFields.has(root, "keys")) {
      return scenario.build();
    }
    JsonValue keys = root.get("keys");
    if (keys.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new IllegalArgumentException("keys must be an array of key objects");
    }
    Set<String> seenKeys = new HashSet<>();
    int index = 0;
    for (JsonValue item : keys.asJsonArray()) {
      String where = "keys[" + index++ + "]";
      if (item.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new IllegalArgumentException(where + " must be an object");
      }
      JsonObject key = item.asJsonObject();
      JsonFields.rejectUnknown(key, KEY_FIELDS, where);
      String apiKey = JsonFields.string(key, "api_key", null, where);
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException(where + ".api_key is required");
      }
      if (!seenKeys.add(apiKey)) {
        throw new IllegalArgumentException(where + ".api_key repeats an earlier key");
      }
      scenario.key(apiKey, BehaviourJson.apply(KeyBehaviour.defaults(), key, where));
    }
    try {
      return scenario.build();
    } catch (ScenarioException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static String readResource(String resource, String location) {
    try (InputStream in = openResource(resource)) {
      if (in == null) {
        throw new ScenarioException("scenario resource not found on the classpath: " + location);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScenarioException("cannot read scenario " + location + ": " + e.getMessage(), e);
    }
  }

  private static InputStream openResource(String resource) {
    // The context loader sees an application's resources; our own loader sees the bundled ones.
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    InputStream in = context == null ? null : context.getResourceAsStream(resource);
    return in != null ? in : ScenarioJson.class.getClassLoader().getResourceAsStream(resource);
  }

  private static Set<String> withApiKey(Set<String> fields) {
    Set<String> all = new HashSet<>(fields);
    all.add("api_key");
    return Set.copyOf(all);
  }
}
