package org.keytriage.core.config;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.keytriage.core.config.internal.KeyTriageConfigReader;
import org.keytriage.spi.TaskTypes;

/**
 * Loads {@code config/api_keys_config.json}, with {@code ${VAR}} values from the environment and
 * {@code .env.api_keys}, into a validated {@link KeyTriageConfig}. Files written for the guide load
 * unchanged. Immutable and thread-safe; every {@link #load()} reads the files again.
 *
 * <pre>{@code
 * KeyTriageConfig config =
 *     ConfigLoader.fromWorkingDirectory(Path.of("."), taskTypeIds, strategyIds).load();
 * }</pre>
 *
 * <p>Builder defaults: no env file; the environment is {@link System#getenv()} (read when {@link
 * Builder#build()} runs); the known task types are the six of {@link TaskTypes#BUILT_IN}. The
 * config file and the available strategy ids must be given.
 *
 * <p>Any problem throws a {@link ConfigException} listing <em>every</em> problem found, one line
 * each (file, key, field, fix); a malformed or unreadable file stops at that first problem.
 * Unknown fields and likely mistakes (a literal api_key, a guide placeholder key, a task type no
 * active key serves) are warnings: see {@link #loadWithWarnings()}. See the package documentation
 * for the file format, the defaults and the substitution rules.
 */
public final class ConfigLoader {
  /** Where {@link #fromWorkingDirectory} looks for the key configuration. */
  public static final String CONFIG_FILE = "config/api_keys_config.json";

  /** Where {@link #fromWorkingDirectory} looks for the key variables. */
  public static final String ENV_FILE = ".env.api_keys";

  private static final System.Logger LOG = System.getLogger(ConfigLoader.class.getName());

  private final Path configFile;
  private final Path envFile;
  private final Map<String, String> environment;
  private final Set<String> knownTaskTypes;
  private final Set<String> knownStrategies;

  private ConfigLoader(Builder b) {
    this.configFile = b.configFile;
    this.envFile = b.envFile;
    this.environment = Map.copyOf(b.environment == null ? System.getenv() : b.environment);
    this.knownTaskTypes = Set.copyOf(b.knownTaskTypes);
    this.knownStrategies = Set.copyOf(b.knownStrategies);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A loader for {@code dir/config/api_keys_config.json} with variables from {@link
   * System#getenv()} and {@code dir/.env.api_keys}, as the guide lays the files out. A missing env
   * file is fine (the keys may be exported instead); messages about a missing variable then say the
   * file does not exist.
   */
  public static ConfigLoader fromWorkingDirectory(
      Path dir, Set<String> knownTaskTypes, Set<String> knownStrategies) {
    return builder()
        .configFile(dir.resolve(CONFIG_FILE))
        .envFile(dir.resolve(ENV_FILE))
        .knownTaskTypes(knownTaskTypes)
        .knownStrategies(knownStrategies)
        .build();
  }

  /**
   * Loads and validates the configuration; warnings are logged (logger {@code
   * org.keytriage.core.config.ConfigLoader}, level WARNING).
   *
   * @return the configuration; its {@link KeyTriageConfig#source() source} is the config file path
   *     as given
   * @throws ConfigException listing every problem found
   */
  public KeyTriageConfig load() {
    Result result = loadWithWarnings();
    result.warnings().forEach(w -> LOG.log(Level.WARNING, w));
    return result.config();
  }

  /**
   * Like {@link #load()}, but returns the warnings instead of logging them.
   *
   * @throws ConfigException listing every problem found
   */
  public Result loadWithWarnings() {
    KeyTriageConfigReader.Loaded loaded =
        new KeyTriageConfigReader(environment, knownTaskTypes, knownStrategies)
            .read(configFile, envFile);
    return new Result(loaded.config(), loaded.warnings());
  }

  public Path configFile() {
    return configFile;
  }

  public Optional<Path> envFile() {
    return Optional.ofNullable(envFile);
  }

  public Set<String> knownTaskTypes() {
    return knownTaskTypes;
  }

  public Set<String> knownStrategies() {
    return knownStrategies;
  }

  /** Names the files only: the environment holds secrets. */
  @Override
  public String toString() {
    return "ConfigLoader[configFile=" + configFile + ", envFile=" + envFile + "]";
  }

  /**
   * A successful load.
   *
   * @param config the validated configuration
   * @param warnings things that load but are probably not what the user meant (unknown fields, a
   *     literal api_key, a placeholder key, a task type no active key serves), one self-contained
   *     line each, never containing a secret
   */
  public record Result(KeyTriageConfig config, List<String> warnings) {
    public Result {
      Objects.requireNonNull(config, "config");
      warnings = List.copyOf(warnings);
    }
  }

  /** Builder; see the class comment for defaults. */
  public static final class Builder {
    private Path configFile;
    private Path envFile;
    private Map<String, String> environment;
    private Set<String> knownTaskTypes = Set.copyOf(TaskTypes.BUILT_IN);
    private Set<String> knownStrategies;

    private Builder() {}

    /** The key configuration, e.g. {@code config/api_keys_config.json}. Required. */
    public Builder configFile(Path value) {
      this.configFile = value;
      return this;
    }

    /**
     * The env file, e.g. {@code .env.api_keys}; null (the default) for none. A file that does not
     * exist is treated as empty, and missing-variable messages say it does not exist.
     */
    public Builder envFile(Path value) {
      this.envFile = value;
      return this;
    }

    /** Environment variables; they win over the env file. Default {@link System#getenv()}. */
    public Builder environment(Map<String, String> value) {
      this.environment = Objects.requireNonNull(value, "environment");
      return this;
    }

    /** Task type ids a key may list. Default {@link TaskTypes#BUILT_IN}; plugins add more. */
    public Builder knownTaskTypes(Set<String> value) {
      this.knownTaskTypes = Objects.requireNonNull(value, "knownTaskTypes");
      return this;
    }

    /** Ids of the balancing strategies available. Required. */
    public Builder knownStrategies(Set<String> value) {
      this.knownStrategies = Objects.requireNonNull(value, "knownStrategies");
      return this;
    }

    /**
     * @throws IllegalStateException if the config file or the strategy ids are not set
     */
    public ConfigLoader build() {
      if (configFile == null) {
        throw new IllegalStateException("configFile is required");
      }
      if (knownStrategies == null) {
        throw new IllegalStateException("knownStrategies is required");
      }
      return new ConfigLoader(this);
    }
  }
}
