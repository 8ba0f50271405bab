/**
 * What happened, as facts: the gateway publishes each request's outcome ({@link
 * org.keytriage.core.events.RequestServed}, {@link org.keytriage.core.events.RequestFailed}), each
 * failover ({@link org.keytriage.core.events.AttemptFailed}) and each penalty on a key; the key
 * registry publishes operators' changes with who and why. Metadata only, never a prompt or an
 * answer. Subscribers (alerts, metrics, and next the audit trail, the request log and the console)
 * attach to {@link org.keytriage.core.events.GatewayEvents}; nothing on the request path knows them.
 */
package org.keytriage.core.events;
