/**
 * The admin console at {@code /console}: Jakarta Faces pages with PrimeFaces, one view bean per
 * page, served by the same WAR as the API. The beans call core's services (the key registry, the
 * reports, the store) directly, never the HTTP API. {@link org.keytriage.web.console.ConsoleSession}
 * is the signed-in operator; every change checks {@link
 * org.keytriage.web.console.ConsoleSession#requireAdmin()} on the server, whatever the page showed,
 * and is audited under the operator's name by the service it calls.
 */
package org.keytriage.web.console;
