package org.keytriage.core.config;

import java.util.List;
import java.util.Objects;

/**
 * The configuration cannot be used; KeyTriage refuses to start rather than route with a guess.
 *
 * <p>The message is meant for the person editing the files: every line names the file, the key
 * ({@code key_id}, or {@code api_keys[index]} when the entry has no {@code key_id}), the field,
 * what is wrong and how to fix it. The loader reports <em>all</em> problems it finds in one
 * exception, one line per problem, so a broken file is fixed in one round instead of one restart
 * per mistake; only malformed JSON and unreadable files stop it at the first problem, since
 * nothing after them can be read reliably.
 *
 * <p>The message never contains a secret: API keys, literal or substituted from a variable, are
 * never echoed, and the loader scrubs every message against the secrets it has seen as a second
 * line of defence.
 *
 * <p>{@link #file()}, {@link #keyId()} and {@link #field()} describe the first problem; {@link
 * #problems()} has all of them.
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<ConfigProblem> problems;

  /**
   * @param problems at least one
   */
  public ConfigException(List<ConfigProblem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  /** A single problem; {@code message} is the complete line (file, key, field, fix). */
  public ConfigException(String file, String keyId, String field, String message) {
    this(List.of(new ConfigProblem(file, keyId, field, message)));
  }

  /** Like {@link #ConfigException(String, String, String, String)}, keeping an I/O cause. */
  public ConfigException(String file, String keyId, String field, String message, Throwable cause) {
    this(file, keyId, field, message);
    initCause(cause);
  }

  private static String render(List<ConfigProblem> problems) {
    Objects.requireNonNull(problems, "problems");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    if (problems.size() == 1) {
      return problems.get(0).message();
    }
    StringBuilder text =
        new StringBuilder("KeyTriage configuration is invalid (")
            .append(problems.size())
            .append(" problems):");
    for (ConfigProblem problem : problems) {
      text.append(System.lineSeparator()).append("  - ").append(problem.message());
    }
    return text.toString();
  }

  /** Every problem found, in file order; never empty. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  /** The file of the first problem, as the loader was given it. */
  public String file() {
    return problems.get(0).file();
  }

  /** The {@code key_id} of the first problem; null if it is not about a key with a key_id. */
  public String keyId() {
    return problems.get(0).keyId();
  }

  /** The field of the first problem; null if it is about the whole file. */
  public String field() {
    return problems.get(0).field();
  }
}
