/**
 * The batch machinery, free of CDI and JAX-RS so it is tested without a server: {@link
 * org.keytriage.web.batches.internal.BatchRegistry} holds batches with a cap and an expiry on an
 * injected clock, {@link org.keytriage.web.batches.internal.BatchRunner} works through a batch's items
 * with bounded concurrency on a given executor, and the request, access and view classes read and
 * write the HTTP side.
 */
package org.keytriage.web.batches.internal;
