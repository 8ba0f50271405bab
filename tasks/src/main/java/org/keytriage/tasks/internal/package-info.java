/**
 * The built-in task handlers and their factories, found through {@link java.util.ServiceLoader}
 * like any vendor handler; nothing outside this module should depend on them directly. Besides the
 * handlers: input checks that report field errors without echoing values, the digging of a JSON
 * object out of a model's answer, and the local polygenic risk score. JSON is parsed and written
 * with the codec each factory gets from its {@link org.keytriage.spi.ProviderConfig#json()}: the
 * handlers depend on the spi alone.
 *
 * <p>Nothing here logs, and no {@code toString()} prints input or output content: it may be
 * patient data.
 */
package org.keytriage.tasks.internal;
