/**
 * Relaying server-sent events: {@link org.keytriage.web.sse.SsePipe} carries a stream's frames
 * from the worker producing them to the request thread writing them, and {@link
 * org.keytriage.web.sse.SseStreams} runs the worker and answers once the first frame is there.
 * Both the OpenAI-compatible {@code /v1} stream and the typed-task stream use them.
 */
package org.keytriage.web.sse;
