package org.keytriage.core.upstream.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * One upstream request and its response, on the calling thread: {@link #execute()} sends and
 * waits for the response head; the body is then read from {@link #body()}. {@link #abort()} may be
 * called from any thread (the deadline's watchdog) and makes a blocked execute or read fail; close
 * gives the connection back to the pool once the body was read to its end, else discards it.
 */
interface Exchange extends AutoCloseable {
  /** Sends the request and waits for the response's status and headers. */
  void execute() throws IOException;

  int status();

  /** A response header's first value. */
  Optional<String> header(String name);

  /** The response body, read as it arrives. */
  InputStream body() throws IOException;

  /** Stops the exchange from another thread: the blocked call fails, the connection is not reused. */
  void abort();

  @Override
  void close();
}
