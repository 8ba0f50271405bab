package org.keytriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Writes config files into a temp directory and loads them, for the loader tests. */
final class ConfigFixture {
  static final Set<String> STRATEGIES = Set.of("round_robin", "least_loaded", "priority");

  /** Shaped like a real key, so a leak would be obvious; must never appear in a message. */
  static final String SECRET = "nvapi-SECRET-q8Zr2VbN0xLw4KtY7sPd3HmJ6cFa9GeU1oRiTnXl";

  static final String CONFIG = "config/api_keys_config.json";
  static final String ENV = ".env.api_keys";

  final Path dir;
  final Map<String, String> environment = new HashMap<>();

  ConfigFixture(Path dir) {
    this.dir = dir;
    environment.put("NVIDIA_API_KEY_MEDICAL_TEXT", SECRET);
  }

  /** The guide's sample entry, with its ${VAR} resolved from {@link #environment}. */
  static JsonObject validEntry(String keyId) {
    return Json.createObjectBuilder()
        .add("key_id", keyId)
        .add("api_key", "${NVIDIA_API_KEY_MEDICAL_TEXT}")
        .add("max_rpm", 1000)
        .add("max_tpm", 50000)
        .add("priority", 3)
        .add(
            "task_types",
            Json.createArrayBuilder()
                .add("medical_text_analysis")
                .add("diagnostic_report_generation"))
        .add("cost_per_token", 0.0001)
        .build();
  }

  /** {@code entry} with {@code name} set to the JSON text {@code rawJson}, e.g. {@code "-5"}. */
  static JsonObject with(JsonObject entry, String name, String rawJson) {
    JsonValue value = Json.createReader(new StringReader(rawJson)).readValue();
    return Json.createObjectBuilder(entry).add(name, value).build();
  }

  static JsonObject without(JsonObject entry, String name) {
    return Json.createObjectBuilder(entry).remove(name).build();
  }

  /** {@code {"api_keys": [entries...]}}. */
  static JsonObject config(JsonObject... entries) {
    JsonArrayBuilder keys = Json.createArrayBuilder();
    for (JsonObject e : entries) {
      keys.add(e);
    }
    return Json.createObjectBuilder().add("api_keys", keys).build();
  }

  static JsonObject withTop(JsonObject root, String name, String rawJson) {
    JsonObjectBuilder b = Json.createObjectBuilder(root);
    b.add(name, Json.createReader(new StringReader(rawJson)).readValue());
    return b.build();
  }

  ConfigFixture writeConfig(JsonObject root) {
    return writeConfig(root.toString());
  }

  ConfigFixture writeConfig(String text) {
    return write(CONFIG, text);
  }

  ConfigFixture writeEnv(String text) {
    return write(ENV, text);
  }

  ConfigFixture write(String relative, String text) {
    try {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ConfigFixture env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  ConfigFixture unsetEnv(String name) {
    environment.remove(name);
    return this;
  }

  String configPath() {
    return dir.resolve(CONFIG).toString();
  }

  String envPath() {
    return dir.resolve(ENV).toString();
  }

  ConfigLoader loader() {
    return ConfigLoader.builder()
        .configFile(dir.resolve(CONFIG))
        .envFile(dir.resolve(ENV))
        .environment(environment)
        .knownStrategies(STRATEGIES)
        .build();
  }

  /** Loads without logging warnings, to keep the build output readable. */
  KeyTriageConfig load() {
    return loader().loadWithWarnings().config();
  }

  ConfigLoader.Result loadWithWarnings() {
    return loader().loadWithWarnings();
  }

  ConfigException loadFails() {
    try {
      loader().loadWithWarnings();
    } catch (ConfigException e) {
      assertThat(e.getMessage()).doesNotContain(SECRET);
      e.problems().forEach(p -> assertThat(p.toString()).doesNotContain(SECRET));
      return e;
    }
    return fail("expected a ConfigException");
  }

  /**
   * Asserts the single problem names the file, the key, the field and the fix, and that the
   * accessors agree.
   *
   * @param keyRef how the message names the key, e.g. {@code key 'k' (api_keys[0])} or {@code
   *     api_keys[1]}
   * @param keyId the expected {@link ConfigException#keyId()}, null if none
   */
  ConfigException assertSingleProblem(
      ConfigException e, String keyRef, String keyId, String field, String fixFragment) {
    assertThat(e.problems()).as(e.getMessage()).hasSize(1);
    assertThat(e.getMessage())
        .startsWith(configPath() + ": ")
        .contains(keyRef)
        .contains(field)
        .contains(". Fix: ")
        .contains(fixFragment)
        .doesNotContain(SECRET);
    assertThat(e.file()).isEqualTo(configPath());
    assertThat(e.keyId()).isEqualTo(keyId);
    assertThat(e.field()).isEqualTo(field);
    return e;
  }
}
