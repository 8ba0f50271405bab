/**
 * Test fixtures shared with other modules through the core test-jar: a clock tests drive, and
 * routing guards with one setting changed.
 */
package org.keytriage.core.testing;
