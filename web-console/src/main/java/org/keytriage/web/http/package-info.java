/**
 * The HTTP header names KeyTriage reads and writes, shared by the OpenAI-compatible API, the typed
 * task API, the stream relay and the security filters (kept here so none of them depends on
 * another for a name).
 */
package org.keytriage.web.http;
