/**
 * The built-in task handlers and their factories, found through {@link java.util.ServiceLoader}
 * like any vendor handler; nothing outside this module should depend on them directly. Besides the
 * handlers: a small strict JSON parser and writer (the spi has no JSON library and handlers depend
 * on the spi alone), input checks that report field errors without echoing values, and the local
 * polygenic risk score.
 *
 * <p>Nothing here logs, and no {@code toString()} prints input or output content: it may be
 * patient data.
 */
package org.keytriage.tasks.internal;
