/**
 * The typed results of the six built-in task types, one record each. A record reads a {@link
 * org.keytriage.spi.TaskResult}'s fields ({@code from}) and writes them ({@code toTaskResult}); the
 * field names are the JSON names the model is asked to answer with and the names the REST API
 * returns. Every record has {@code structured} (the model answered the asked JSON) and {@code text}
 * (the model's raw answer, filled only when it did not). No {@code toString()} here prints content:
 * results are patient data.
 */
package org.keytriage.tasks.results;
