/**
 * KeyTriage's built-in task handlers, seen from outside. {@link
 * org.keytriage.tasks.BuiltInTaskHandlers} names the six task type ids, their inputs, settings and
 * limits; the handlers live in {@code org.keytriage.tasks.internal} and are found through {@link
 * java.util.ServiceLoader} like any vendor handler, so nothing should depend on them directly.
 * The module depends on the spi only; the guide's service for Java library users, {@code
 * ClinicalAiService}, lives in {@code keytriage-clinical}.
 */
package org.keytriage.tasks;
