package org.keytriage.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.keytriage.simulator.NvidiaSimulator;
import org.keytriage.simulator.SimulatorConfig;
import org.keytriage.web.security.Integrators;
import org.keytriage.web.security.internal.Pbkdf2Hash;

/**
 * The test deployment: the WAR Maven built, with its MicroProfile Config extended by the test's
 * settings (config dir, integrators, operators, a small body limit); a key configuration whose
 * base URLs point at the in-process simulator; and the simulator itself.
 */
final class ItServer {
  /** An integrator allowed every task type. */
  static final String EHR_TOKEN = "kt-it-ehr-6f1d0c2a9b";

  /** An integrator allowed only batch_processing: the wrong scope for everything else. */
  static final String BATCH_TOKEN = "kt-it-batch-0e8b7d4c31";

  static final String ADMIN = "it-admin";
  static final String ADMIN_PASSWORD = "it-admin-password-1";
  static final String OPS = "it-ops";
  static final String OPS_PASSWORD = "it-ops-password-1";

  /** Batches with more items get 400 in the test deployment. */
  static final int MAX_BATCH_ITEMS = 250;

  /** Bodies above this get 413 in the test deployment. */
  static final int MAX_BODY = 64 * 1024;

  /** The simulator's keys: the secrets that must never come back in any answer. */
  static final List<String> SECRETS = List.of(
      "sim-medical-text-key-01", "sim-streaming-key-01", "sim-batch-key-01", "sim-genomics-key-01",
      "sim-multimodal-key-01", "sim-diagnostic-report-key-01");

  private static NvidiaSimulator simulator;

  private ItServer() {}

  static synchronized NvidiaSimulator simulator() {
    if (simulator == null) {
      simulator = NvidiaSimulator.start(SimulatorConfig.builder().scenario("classpath:scenarios/demo.json").build());
    }
    return simulator;
  }

  static synchronized void stop() {
    if (simulator != null) {
      simulator.close();
      simulator = null;
    }
  }

  static WebArchive deployment() {
    return deployment("");
  }

  /** The deployment with {@code extra} appended to its settings ({@code name=value} lines). */
  static WebArchive deployment(String extra) {
    Path dir = Path.of(System.getProperty("keytriage.it.dir", "target/it")).toAbsolutePath();
    Path configDir = dir.resolve("keytriage-config");
    createDirectories(dir.resolve("tmp")); // java.io.tmpdir of this JVM and of Payara's, see the pom
    deleteTree(configDir.resolve("data")); // the store of an earlier run: every run starts empty
    writeKeyConfig(configDir, simulator().baseUri().toString());
    Path masterKey = dir.resolve("master.key");
    write(masterKey, org.keytriage.store.SecretCipher.generate() + "\n");
    Path war = Path.of(System.getProperty("keytriage.it.war", "target/keytriage.war")).toAbsolutePath();
    WebArchive archive = ShrinkWrap.create(ZipImporter.class, "keytriage.war").importFrom(war.toFile()).as(WebArchive.class);
    String properties = read(archive) + "\n# --- added by the integration test ---\n"
        + "keytriage.config-dir=" + configDir + "\n"
        + "keytriage.default-task-type=medical_text_analysis\n"
        + "keytriage.max-request-bytes=" + MAX_BODY + "\n"
        + "keytriage.request-deadline-seconds=20\n"
        + "keytriage.attempt-timeout-seconds=10\n"
        + "keytriage.batch.max-items=" + MAX_BATCH_ITEMS + "\n"
        + "keytriage.master-key-file=" + masterKey + "\n"
        + "keytriage.integrators=ehr:" + Integrators.sha256Hex(EHR_TOKEN) + ":*,"
        + "batch-etl:" + Integrators.sha256Hex(BATCH_TOKEN) + ":batch_processing\n"
        // few iterations: the hashes' strength is not under test, boot time is
        + "keytriage.users=" + ADMIN + ":admin:" + Pbkdf2Hash.create(ADMIN_PASSWORD.toCharArray(), 1000) + ","
        + OPS + ":ops:" + Pbkdf2Hash.create(OPS_PASSWORD.toCharArray(), 1000) + "\n"
        + extra;
    String path = "WEB-INF/classes/META-INF/microprofile-config.properties";
    archive.delete(path);
    archive.add(new StringAsset(properties), path);
    return archive;
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path p, String text) {
    try {
      Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL the test's keys point at. */
  static String upstream() {
    return simulator().baseUri().toString();
  }

  private static void createDirectories(Path p) {
    try {
      Files.createDirectories(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(WebArchive archive) {
    try (var in = archive.get("WEB-INF/classes/META-INF/microprofile-config.properties").getAsset().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One key per task type (genomics limited to 1 request a minute, so its second call finds no
   * key), no backup: a task type's answer always comes from its own key.
   */
  private static void writeKeyConfig(Path dir, String upstream) {
    String json = """
        {
          "api_keys": [
            {"key_id": "medical_primary", "api_key": "${NVIDIA_API_KEY_MEDICAL}", "max_rpm": 600, "max_tpm": 200000,
             "priority": 3, "task_types": ["medical_text_analysis", "diagnostic_report_generation"],
             "cost_per_token": 0.0001, "base_url": "UPSTREAM"},
            {"key_id": "streaming_primary", "api_key": "${NVIDIA_API_KEY_STREAMING}", "max_rpm": 600, "max_tpm": 200000,
             "priority": 3, "task_types": ["streaming_insights"], "cost_per_token": 0.0001, "base_url": "UPSTREAM"},
            {"key_id": "batch_primary", "api_key": "${NVIDIA_API_KEY_BATCH}", "max_rpm": 600, "max_tpm": 500000,
             "priority": 1, "task_types": ["batch_processing"], "cost_per_token": 0.00005, "base_url": "UPSTREAM"},
            {"key_id": "genomics_one_per_minute", "api_key": "${NVIDIA_API_KEY_GENOMICS}", "max_rpm": 1, "max_tpm": 100000,
             "priority": 3, "task_types": ["genomics_analysis"], "cost_per_token": 0.00015, "base_url": "UPSTREAM"},
            {"key_id": "multimodal_primary", "api_key": "${NVIDIA_API_KEY_MULTIMODAL}", "max_rpm": 600, "max_tpm": 200000,
             "priority": 3, "task_types": ["multimodal_fusion"], "cost_per_token": 0.0002, "base_url": "UPSTREAM"}
          ],
          "default_strategy": "round_robin"
        }
        """.replace("UPSTREAM", upstream);
    String env = """
        NVIDIA_API_KEY_MEDICAL=sim-medical-text-key-01
        NVIDIA_API_KEY_STREAMING=sim-streaming-key-01
        NVIDIA_API_KEY_BATCH=sim-batch-key-01
        NVIDIA_API_KEY_GENOMICS=sim-genomics-key-01
        NVIDIA_API_KEY_MULTIMODAL=sim-multimodal-key-01
        """;
    try {
      Files.createDirectories(dir.resolve("config"));
      Files.writeString(dir.resolve("config/api_keys_config.json"), json);
      Files.writeString(dir.resolve(".env.api_keys"), env);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
