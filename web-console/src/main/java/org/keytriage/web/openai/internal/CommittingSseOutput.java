package org.keytriage.web.openai.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.keytriage.web.http.ServedBy;

/**
 * The event stream's output on the request's own response: the response becomes a {@code
 * text/event-stream} 200 only when the first event is written, so a failure before it (no key,
 * deadline) is still answered with its own status. Writes are the stream relay's, from the HTTP
 * client's thread, one at a time, while the request thread waits for the stream to end.
 */
public final class CommittingSseOutput extends OutputStream {
  private final HttpServletResponse response;
  private final String taskType;
  private OutputStream out;

  public CommittingSseOutput(HttpServletResponse response, String taskType) {
    this.response = response;
    this.taskType = taskType;
  }

  /** Whether the first event has been written (the answer is then the stream, whatever follows). */
  public synchronized boolean started() {
    return out != null;
  }

  private OutputStream out() throws IOException {
    if (out == null) {
      response.setStatus(200);
      response.setContentType("text/event-stream");
      response.setCharacterEncoding("UTF-8");
      response.setHeader("Cache-Control", "no-cache");
      response.setHeader("X-Accel-Buffering", "no");
      response.setHeader(ServedBy.TASK_TYPE, taskType);
      out = response.getOutputStream();
    }
    return out;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    out().write(b);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    out().write(b, off, len);
  }

  @Override
  public synchronized void flush() throws IOException {
    if (out != null) {
      out.flush();
    }
  }
}
