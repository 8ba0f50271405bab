package org.keytriage.core.config.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.keytriage.core.config.ConfigException;
import org.keytriage.core.config.ConfigProblem;

/**
 * Collects the errors and warnings of one load, so the user sees every problem at once, and
 * renders them in one shape: {@code <file>: <key>: <what>. Fix: <fix>.}
 *
 * <p>Callers never put a secret into a message, but a misplaced secret can still end up in one
 * (pasted as a key_id, say). So every secret the loader touches is registered here and scrubbed
 * from every message before it leaves: the invariant "no secret in an exception" must not depend
 * on every message author being careful.
 */
public final class Problems {
  /** Shorter values are not scrubbed: they would mangle ordinary words and are no real key. */
  static final int MIN_SCRUB_LENGTH = 8;

  static final String SCRUBBED = "****";

  private final String file;
  private final List<ConfigProblem> errors = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final Set<String> secrets = new LinkedHashSet<>();

  /**
   * @param file the config file as the user gave it; every message starts with it
   */
  public Problems(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  /**
   * Records an error.
   *
   * @param what what is wrong, starting with the field name ({@code max_rpm must be ...}); no
   *     trailing period
   * @param fix what to do about it, imperative ({@code set max_rpm to ...}); no trailing period
   */
  public void error(KeyRef where, String field, String what, String fix) {
    errors.add(new ConfigProblem(file, where.keyId(), field, line(file, where, what, fix)));
  }

  /** Records a warning: the config loads, but probably not as the user meant. */
  public void warn(KeyRef where, String what, String advice) {
    warnings.add(line(file, where, what, advice));
  }

  /** Records a warning about another file (the env file), already rendered. */
  public void warnLine(String line) {
    warnings.add(line);
  }

  /** Registers a value that must never appear in a message. */
  public void secret(String value) {
    if (value != null && value.strip().length() >= MIN_SCRUB_LENGTH) {
      secrets.add(value);
      secrets.add(value.strip());
    }
  }

  public int errorCount() {
    return errors.size();
  }

  /** Throws one {@link ConfigException} with every error recorded so far, if there is any. */
  public void throwIfAny() {
    if (errors.isEmpty()) {
      return;
    }
    List<ConfigProblem> scrubbed = new ArrayList<>(errors.size());
    for (ConfigProblem p : errors) {
      scrubbed.add(
          new ConfigProblem(
              p.file(), scrub(p.keyId()), scrub(p.field()), scrub(p.message())));
    }
    throw new ConfigException(scrubbed);
  }

  /** The warnings so far, scrubbed. */
  public List<String> warnings() {
    List<String> out = new ArrayList<>(warnings.size());
    warnings.forEach(w -> out.add(scrub(w)));
    return List.copyOf(out);
  }

  private String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, SCRUBBED);
    }
    return out;
  }

  static String line(String file, KeyRef where, String what, String fix) {
    StringBuilder b = new StringBuilder(file).append(": ");
    String place = where.describe();
    if (!place.isEmpty()) {
      b.append(place).append(": ");
    }
    b.append(trimPeriod(what));
    if (fix != null && !fix.isBlank()) {
      b.append(". Fix: ").append(trimPeriod(fix));
    }
    return b.append('.').toString();
  }

  private static String trimPeriod(String s) {
    String t = s.strip();
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }
}
