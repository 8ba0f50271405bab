package org.keytriage.core.config;

import java.util.Objects;

/**
 * One problem found while loading the configuration.
 *
 * @param file the file the problem is in, as the loader was given it (e.g. {@code
 *     config/api_keys_config.json})
 * @param keyId the {@code key_id} of the {@code api_keys} entry concerned; {@code null} when the
 *     problem is not about one key, or the entry has no usable {@code key_id} (the message then
 *     names it as {@code api_keys[index]})
 * @param field the field concerned, as written in the file ({@code max_rpm}, {@code
 *     task_strategies.genomics_analysis}); {@code null} when the problem is about the whole file
 * @param message one self-contained line: file, key, field, what is wrong and how to fix it. Never
 *     contains a secret.
 */
public record ConfigProblem(String file, String keyId, String field, String message) {
  public ConfigProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }
}
