/**
 * The JSON-P implementation of the spi's {@link org.keytriage.spi.JsonCodec} behind {@link
 * org.keytriage.core.json.JsonTrees}: text to trees through the parser's events, trees to JSON-P
 * values. Nothing here is API.
 */
package org.keytriage.core.json.internal;
