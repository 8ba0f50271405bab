/**
 * Behind the OpenAI-compatible endpoints: the chat request's checks over its scanned facts, the
 * event stream's response that commits on its first event, and the model list.
 */
package org.keytriage.web.openai.internal;
