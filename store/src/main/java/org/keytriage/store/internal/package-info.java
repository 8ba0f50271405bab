/** The persistence unit, its entities, the migrations and the port implementations on them. */
package org.keytriage.store.internal;
