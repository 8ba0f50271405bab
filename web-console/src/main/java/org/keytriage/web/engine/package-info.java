/**
 * The one engine per application: {@link org.keytriage.web.engine.KeyTriageEngine} opens {@link
 * org.keytriage.core.KeyTriage} and one {@link org.keytriage.core.upstream.NvidiaGateway} when the
 * application starts, makes both injectable, and closes them when it stops; {@link
 * org.keytriage.web.engine.ClinicalServiceProducer} builds the typed-task service over that same
 * gateway. A configuration that
 * cannot be used stops the deployment with the loader's message (file, key, field, fix; never a
 * secret) in the server log.
 */
package org.keytriage.web.engine;
