/**
 * How typed tasks are answered: the JSON view of an outcome, and the server-sent-event relay of a
 * streaming task's text.
 */
package org.keytriage.web.tasks.internal;
