package org.keytriage.web.it;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * When the test run ends, waits for the processes this JVM started (Payara Micro, which Arquillian
 * only signals to stop) to exit, and kills any still there after {@value #GRACE_SECONDS} s: a test
 * run leaves no process behind.
 */
public class NoProcessLeftBehind implements LauncherSessionListener {
  static final long GRACE_SECONDS = 30;

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
    long deadline = System.nanoTime() + Duration.ofSeconds(GRACE_SECONDS).toNanos();
    for (ProcessHandle p : children) {
      try {
        long left = Math.max(1, deadline - System.nanoTime());
        p.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (Exception stillRunning) {
        p.destroyForcibly();
      }
    }
  }
}
