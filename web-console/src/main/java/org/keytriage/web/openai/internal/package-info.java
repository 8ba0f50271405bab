/** Request reading, stream relaying and the model list behind the OpenAI-compatible endpoints. */
package org.keytriage.web.openai.internal;
