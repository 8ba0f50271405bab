/** The in-process integrator token store. */
package org.keytriage.core.integrators.internal;
