/**
 * The OpenAI-compatible endpoints: {@code POST /v1/chat/completions} (plain and streamed) and
 * {@code GET /v1/models}. An OpenAI SDK works by changing only its base URL (to this server's
 * {@code /v1}) and its API key (to an integrator token); the task type comes from the {@value
 * org.keytriage.web.http.TaskTypeHeader#NAME} header or the configured default.
 */
package org.keytriage.web.openai;
