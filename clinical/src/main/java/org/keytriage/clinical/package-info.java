/**
 * The guide's {@code NVIDIAEnhancedService} for Java programs: {@link
 * org.keytriage.clinical.ClinicalAiService}, one typed method per task type, each a {@link
 * org.keytriage.core.gateway.TaskCall} through the engine's {@link org.keytriage.core.gateway.Gateway}
 * (which validates, builds, routes, calls and parses), and batches through the engine's one batch
 * engine.
 */
package org.keytriage.clinical;
