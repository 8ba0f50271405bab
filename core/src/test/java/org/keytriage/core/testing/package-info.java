/** Test fixtures shared with other modules through the core test-jar: a clock tests drive. */
package org.keytriage.core.testing;
