/** The in-process key state store. */
package org.keytriage.core.keys.internal;
