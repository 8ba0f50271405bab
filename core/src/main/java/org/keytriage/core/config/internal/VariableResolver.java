package org.keytriage.core.config.internal;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} in config string values. A variable's value comes from the environment
 * first and from the env file second: an existing environment variable wins, as with
 * python-dotenv's default {@code override=False}, so a deployment can override the file without
 * editing it. That also holds for a variable set to an empty string in the environment, which is
 * then reported as empty rather than silently replaced.
 *
 * <p>A {@code $} not followed by <code>{</code> is literal. There is no escape for a literal
 * <code>${</code> and no <code>${NAME:-default}</code> form. A missing or empty variable is an error
 * naming the variable, the key and the field; the message never contains a value.
 */
public final class VariableResolver {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Map<String, String> environment;
  private final EnvFile envFile;

  public VariableResolver(Map<String, String> environment, EnvFile envFile) {
    this.environment = Map.copyOf(environment);
    this.envFile = envFile;
  }

  /**
   * Resolves every {@code ${NAME}} in {@code raw}.
   *
   * @param field the field path for messages ({@code api_key})
   * @param secret whether the value is a secret: the resolved value and every variable value used
   *     are then registered with {@code problems} for scrubbing, and fixes say {@code <your key>}
   * @return the resolved text, or null after recording one problem per bad reference
   */
  public String resolve(String raw, KeyRef where, String field, boolean secret, Problems problems) {
    if (raw.indexOf("${") < 0) {
      return raw;
    }
    int errorsBefore = problems.errorCount();
    StringBuilder out = new StringBuilder(raw.length());
    int i = 0;
    while (i < raw.length()) {
      int start = raw.indexOf("${", i);
      if (start < 0) {
        out.append(raw, i, raw.length());
        break;
      }
      out.append(raw, i, start);
      int end = raw.indexOf('}', start + 2);
      if (end < 0) {
        problems.error(
            where,
            field,
            field + " has a '${' without a closing '}'",
            "write the variable reference as ${NAME}, e.g. ${NVIDIA_API_KEY_MEDICAL_TEXT}");
        break;
      }
      String name = raw.substring(start + 2, end);
      if (!NAME.matcher(name).matches()) {
        // The text between the braces is not echoed: a key pasted inside ${} would leak.
        problems.error(
            where,
            field,
            field + " has a ${...} reference whose name is not a variable name",
            "use letters, digits and underscores only, e.g. ${NVIDIA_API_KEY_MEDICAL_TEXT}");
      } else {
        String value = lookup(name, where, field, secret, problems);
        if (value != null) {
          if (secret) {
            problems.secret(value);
          }
          out.append(value);
        }
      }
      i = end + 1;
    }
    if (problems.errorCount() > errorsBefore) {
      return null;
    }
    String result = out.toString();
    if (secret) {
      problems.secret(result);
    }
    return result;
  }

  private String lookup(String name, KeyRef where, String field, boolean secret, Problems problems) {
    String placeholder = secret ? "<your key>" : "<value>";
    String fromEnvironment = environment.get(name);
    String fromFile = envFile.values().get(name);
    if (fromEnvironment != null) {
      if (!fromEnvironment.isBlank()) {
        return fromEnvironment;
      }
      String fix =
          envFile.present() && fromFile != null && !fromFile.isBlank()
              ? "unset " + name + " in the environment so the value in " + envFile.name()
                  + " is used, or export " + name + "=" + placeholder
              : "export " + name + "=" + placeholder + ", or unset it and add " + name + "="
                  + placeholder + " to " + envFileForFix();
      problems.error(
          where,
          field,
          field + " refers to ${" + name + "}, which is set but empty in the environment"
              + (envFile.configured() ? " (the environment wins over " + envFile.name() + ")" : ""),
          fix);
      return null;
    }
    if (fromFile != null) {
      if (!fromFile.isBlank()) {
        return fromFile;
      }
      problems.error(
          where,
          field,
          field + " refers to ${" + name + "}, which is empty in " + envFile.name(),
          "put the value after the '=' on the " + name + " line of " + envFile.name()
              + " (" + name + "=" + placeholder + "), or export " + name + "=" + placeholder);
      return null;
    }
    problems.error(
        where,
        field,
        field + " refers to ${" + name + "}, which is not set: " + whereLooked(),
        "add " + name + "=" + placeholder + " to " + envFileForFix() + " or export it");
    return null;
  }

  private String whereLooked() {
    if (!envFile.configured()) {
      return "not in the environment, and no env file was given";
    }
    if (!envFile.present()) {
      return "not in the environment, and " + envFile.name() + " does not exist";
    }
    String looked = "neither in the environment nor in " + envFile.name();
    if (!envFile.skippedLines().isEmpty()) {
      looked += " (whose unreadable lines " + envFile.skippedLines() + " were skipped)";
    }
    return looked;
  }

  private String envFileForFix() {
    return envFile.configured() ? envFile.name() : ".env.api_keys";
  }
}
