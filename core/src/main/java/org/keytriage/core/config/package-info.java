/**
 * KeyTriage's key configuration: the model ({@link org.keytriage.core.config.KeyTriageConfig},
 * {@link org.keytriage.core.config.ApiKeyConfig}, {@link org.keytriage.core.config.Secret}) and
 * {@link org.keytriage.core.config.ConfigLoader}, which reads it from the files of the
 * task-specific API key guide. Files written for the guide load unchanged.
 *
 * <h2>The files</h2>
 *
 * <p>{@code config/api_keys_config.json}:
 *
 * <pre>{@code
 * {
 *   "api_keys": [
 *     {
 *       "key_id": "medical_text_primary",            required, unique
 *       "api_key": "${NVIDIA_API_KEY_MEDICAL_TEXT}",  required; a literal key works, with a warning
 *       "max_rpm": 1000,                              required, whole number > 0
 *       "max_tpm": 50000,                             required, whole number > 0
 *       "priority": 3,                                required, whole number, higher is preferred
 *       "task_types": ["medical_text_analysis"],      required, known ids; may be empty or
 *                                                     absent only if is_backup is true
 *       "cost_per_token": 0.0001,                     required, number >= 0
 *       "base_url": "https://integrate.api.nvidia.com",  optional, http(s); this is the default
 *       "weight": 1.0,                                optional, > 0, default 1.0
 *       "is_active": true,                            optional, default true
 *       "is_backup": false,                           optional, default false; a backup serves
 *                                                     every task type
 *       "daily_budget": 0,                            optional, >= 0, default 0 = no budget
 *       "monthly_budget": 0                           optional, >= 0, default 0 = no budget
 *     }
 *   ],
 *   "default_strategy": "round_robin",                optional, default round_robin
 *   "task_strategies": {"batch_processing": "least_loaded"},   optional, task type -> strategy
 *   "strategy_settings": {"least_loaded": {"window_seconds": 60}}  optional, values as text
 * }
 * }</pre>
 *
 * <p>Field names are snake_case exactly as in the guide. Numbers are JSON numbers, never strings;
 * whole-number fields accept {@code 1000.0} but not {@code 1000.5}. A JSON {@code null} counts as
 * absent. Trailing slashes of {@code base_url} are removed. A field written twice in one object is
 * a syntax error. Unknown fields are ignored with a warning ("did you mean" included). Task type and
 * strategy ids must be among those the loader is given (built-in plus plugins).
 *
 * <p>{@code .env.api_keys}: {@code NAME=value} lines as python-dotenv reads them: {@code #}
 * comment lines, blank lines, an optional {@code export } prefix, values optionally in single or
 * double quotes, and a trailing {@code # comment} after an unquoted value (a {@code #} preceded by
 * whitespace). Values are taken literally (no interpolation inside the env file) and span one line.
 * Lines that cannot be read are skipped with a warning naming their numbers, never their content.
 *
 * <h2>Substitution</h2>
 *
 * <p>Every string value in the config file (not object keys) may contain {@code ${NAME}}
 * references. Each is replaced by the environment variable {@code NAME} if it is set, else by
 * {@code NAME} from the env file: an existing environment variable wins, as in python-dotenv, even
 * if it is empty. A reference to a variable that is missing or blank is an error naming the
 * variable, the key and the field. A {@code $} not followed by <code>{</code> is literal; there is
 * no escape and no default-value syntax.
 *
 * <h2>Errors and secrets</h2>
 *
 * <p>A bad configuration throws a {@link org.keytriage.core.config.ConfigException} that lists every
 * problem found, one line each: file, key ({@code key_id}, or {@code api_keys[index]}), field, what
 * is wrong and the fix. No message or warning ever contains an API key: values of {@code api_key}
 * are never echoed, and every secret the loader has seen is scrubbed from messages as well.
 */
package org.keytriage.core.config;
