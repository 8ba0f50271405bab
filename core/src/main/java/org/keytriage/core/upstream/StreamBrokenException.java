package org.keytriage.core.upstream;

import org.keytriage.core.errors.ErrorCode;

/**
 * A stream broke after chunks had reached the listener, so it could not fail over: the listener
 * was told ({@link StreamListener#onError}) and the tokens streamed so far were booked. {@link
 * #partial()} says on which key, after how many attempts and with what tokens.
 */
public class StreamBrokenException extends UpstreamException {
  private static final long serialVersionUID = 1L;

  private final transient GatewayResponse partial;

  public StreamBrokenException(String message, GatewayResponse partial, Throwable cause) {
    super(ErrorCode.STREAM_BROKEN, message, cause);
    this.partial = partial;
  }

  /** What was streamed before the break, as booked; its body holds the partial answer. */
  public GatewayResponse partial() {
    return partial;
  }
}
