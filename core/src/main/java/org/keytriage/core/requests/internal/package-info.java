/** The in-process request log store, and the writer's batching queue. */
package org.keytriage.core.requests.internal;
