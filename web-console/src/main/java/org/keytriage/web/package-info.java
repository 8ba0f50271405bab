/**
 * The serving half of KeyTriage: a WAR for Payara (Micro or Server) deployed at the root context.
 *
 * <ul>
 *   <li>{@code /v1/chat/completions}, {@code /v1/models}: OpenAI-compatible, for integrators
 *       ({@link org.keytriage.web.openai});
 *   <li>{@code /api/v1/…}: keys, metrics, health, advice, strategies and task types for operators
 *       ({@link org.keytriage.web.ops});
 *   <li>MicroProfile Metrics ({@code /metrics}), Health ({@code /health/ready}, {@code
 *       /health/live}) and OpenAPI ({@code /openapi}) served by the runtime from this application's
 *       beans and annotations ({@link org.keytriage.web.observability}).
 * </ul>
 *
 * <p>Settings come from MicroProfile Config ({@link org.keytriage.web.config.WebSettings}); the
 * engine is one {@link org.keytriage.core.KeyTriage} per application ({@link
 * org.keytriage.web.engine.KeyTriageEngine}).
 */
package org.keytriage.web;
