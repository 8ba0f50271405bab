/** The gateway's implementation: one request's pipeline and its events. */
package org.keytriage.core.gateway.internal;
