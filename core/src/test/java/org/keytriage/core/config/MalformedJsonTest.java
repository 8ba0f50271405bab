package org.keytriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed JSON is reported with the parser's line and column, in plain words. */
class MalformedJsonTest {
  @TempDir Path dir;
  private ConfigFixture fx;

  @BeforeEach
  void setUp() {
    fx = new ConfigFixture(dir);
  }

  private ConfigException malformed(String text) {
    ConfigException e = fx.writeConfig(text).loadFails();
    assertThat(e.problems()).hasSize(1);
    assertThat(e.file()).isEqualTo(fx.configPath());
    assertThat(e.keyId()).isNull();
    assertThat(e.field()).isNull();
    assertThat(e.getMessage()).endsWith(". Fix the JSON syntax there.");
    return e;
  }

  @Test
  void missingCommaGivesLineAndColumn() {
    String text =
        "{\n"
            + "  \"api_keys\": [\n"
            + "    {\n"
            + "      \"key_id\": \"medical_text_primary\",\n"
            + "      \"api_key\": \"${NVIDIA_API_KEY_MEDICAL_TEXT}\"\n"
            + "      \"max_rpm\": 1000\n"
            + "    }\n"
            + "  ]\n"
            + "}\n";

    ConfigException e = malformed(text);

    assertThat(e.getMessage())
        .isEqualTo(
            fx.configPath()
                + ": malformed JSON at line 6, column 15: unexpected a string, expected ','."
                + " Fix the JSON syntax there.");
  }

  @Test
  void trailingCommaIsExplained() {
    ConfigException e = malformed("{\"api_keys\": [],\n}");

    assertThat(e.getMessage())
        .contains("at line 2, column 1: unexpected '}', expected a string")
        .contains("no comma before a closing bracket");
  }

  @Test
  void aFieldWrittenTwiceIsRejected() {
    ConfigException e =
        malformed(
            "{\"api_keys\": [{\"key_id\": \"a\", \"api_key\": \"x\",\n \"api_key\": \"y\"}]}");

    assertThat(e.getMessage()).contains("at line 2").contains("field \"api_key\" appears twice");
  }

  @Test
  void unterminatedStringDoesNotEchoTheKey() {
    ConfigException e =
        malformed("{\"api_keys\": [{\"key_id\": \"a\", \"api_key\": \"" + ConfigFixture.SECRET);

    assertThat(e.getMessage()).contains("at line 1").contains("end of file");
  }

  @Test
  void contentAfterTheTopLevelObject() {
    ConfigException e = malformed("{\"api_keys\": []}\n{}");

    assertThat(e.getMessage()).contains("at line 2, column 1").contains("after the end");
  }

  @Test
  void emptyFile() {
    ConfigException e = fx.writeConfig("  \n").loadFails();

    assertThat(e.getMessage()).isEqualTo(fx.configPath()
        + ": the file is empty. Fix: write the key configuration there, starting with"
        + " {\"api_keys\": [ ... ]} (see the guide's JSON Configuration section).");
  }

  @Test
  void topLevelArrayInsteadOfObject() {
    ConfigException e = fx.writeConfig("[{\"key_id\": \"a\"}]").loadFails();

    assertThat(e.getMessage())
        .contains("the top level must be a JSON object")
        .contains("but is an array")
        .contains("Fix: wrap the configuration in {\"api_keys\": [ ... ]}");
  }
}
