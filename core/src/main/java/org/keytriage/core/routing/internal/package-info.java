/** The default router and what it is made of. */
package org.keytriage.core.routing.internal;
