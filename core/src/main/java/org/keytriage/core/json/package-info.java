/** JSON text to plain Java object trees and back, shared by the upstream client and the server. */
package org.keytriage.core.json;
