/** Query parameters, JSON views and CSV rendering of the history resources. */
package org.keytriage.web.history.internal;
