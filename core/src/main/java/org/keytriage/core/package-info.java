/**
 * KeyTriage as a plain Java library: {@link org.keytriage.core.KeyTriage} is the entry point, built
 * from the guide's config files or a {@link org.keytriage.core.config.KeyTriageConfig} made with its
 * builder. It needs no app server; the web console wraps the same object.
 */
package org.keytriage.core;
