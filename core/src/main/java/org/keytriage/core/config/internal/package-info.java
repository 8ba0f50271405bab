/**
 * How {@link org.keytriage.core.config.ConfigLoader} does its work; not an API, may change
 * without notice.
 *
 * <p>One load runs {@link org.keytriage.core.config.internal.KeyTriageConfigReader}: {@link
 * org.keytriage.core.config.internal.EnvFile} reads {@code .env.api_keys}, {@link
 * org.keytriage.core.config.internal.JsonConfigReader} parses the JSON, {@link
 * org.keytriage.core.config.internal.ApiKeyEntryReader} and {@link
 * org.keytriage.core.config.internal.StrategySectionReader} read and check the fields through
 * {@link org.keytriage.core.config.internal.FieldReader} and {@link
 * org.keytriage.core.config.internal.VariableResolver}, and {@link
 * org.keytriage.core.config.internal.ConfigValidator} checks across keys. Every step records into
 * one {@link org.keytriage.core.config.internal.Problems}, which throws once with all problems.
 */
package org.keytriage.core.config.internal;
