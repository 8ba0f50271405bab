/**
 * Integrator tokens created at run time: who may call KeyTriage's {@code /v1} and task API, for
 * which task types, until when. Only a token's SHA-256 is kept. The store is a port: in process
 * here, durable (and shared by every node on one database) in the store module.
 */
package org.keytriage.core.integrators;
