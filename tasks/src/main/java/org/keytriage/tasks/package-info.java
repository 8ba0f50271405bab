/**
 * KeyTriage's built-in task handlers, seen from outside. {@link
 * org.keytriage.tasks.BuiltInTaskHandlers} names the six task type ids, their inputs, settings and
 * limits; the handlers live in {@code org.keytriage.tasks.internal} and are found through {@link
 * java.util.ServiceLoader} like any vendor handler, so nothing should depend on them directly.
 * {@link org.keytriage.tasks.ClinicalAiService} is the guide's service for Java library users; it
 * is the only code here that needs {@code keytriage-core} (an optional dependency of this module).
 */
package org.keytriage.tasks;
