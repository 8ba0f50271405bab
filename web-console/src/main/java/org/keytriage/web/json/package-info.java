/**
 * JSON in and out through the server's JSON-P: request bodies read with a size limit into plain
 * object trees (maps, lists, strings, numbers, booleans), and trees written back as text.
 */
package org.keytriage.web.json;
