/**
 * The request's owner: {@link org.keytriage.core.gateway.Gateway} and what callers hand it — a
 * {@link org.keytriage.core.gateway.Call} to relay or a {@link org.keytriage.core.gateway.TaskCall}
 * to run through its task handler — and what they get back.
 */
package org.keytriage.core.gateway;
