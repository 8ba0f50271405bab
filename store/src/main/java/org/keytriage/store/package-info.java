/**
 * KeyTriage's durable store: {@link org.keytriage.store.Store} opens a database (an embedded H2
 * file by default, PostgreSQL for production and clusters), brings its schema up to date with
 * Flyway, and gives core's ports backed by it through Jakarta Persistence: the request log with its
 * spend history, and the audit trail.
 */
package org.keytriage.store;
