package org.keytriage.core.config.internal;

import org.keytriage.core.config.ApiKeyConfig;

/**
 * One {@code api_keys} entry as read.
 *
 * @param index the entry's position in {@code api_keys}
 * @param keyId its key_id, or null if missing or broken
 * @param config the key, or null if the entry had any problem (it is then reported already, and
 *     only the key_id takes part in cross-entry checks)
 */
public record ParsedKey(int index, String keyId, ApiKeyConfig config) {}
