/**
 * The one engine per application: {@link org.keytriage.web.engine.KeyTriageEngine} opens {@link
 * org.keytriage.core.KeyTriage} and one {@link org.keytriage.core.gateway.Gateway} when the
 * application starts, makes both injectable, and closes them when it stops. A configuration that
 * cannot be used stops the deployment with the loader's message (file, key, field, fix; never a
 * secret) in the server log.
 */
package org.keytriage.web.engine;
