/**
 * The console's plumbing: the filter that keeps pages behind a sign-in, the views' location,
 * form-to-configuration translation, rows shaped for tables and the lazy request-log model.
 */
package org.keytriage.web.console.internal;
