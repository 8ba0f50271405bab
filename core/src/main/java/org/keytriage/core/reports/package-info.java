/** The guide's reports (metrics, health, optimisation), off the request path. */
package org.keytriage.core.reports;
