package org.keytriage.simulator.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The request threads. Bounded, because a runaway client must not make the simulator spawn without
 * limit; large, because hanging and slow keys hold a thread each and must not starve healthy keys.
 * Core size equals the maximum so threads are added on demand up to it before anything queues, and
 * idle threads exit, so an unused capacity costs nothing.
 */
public final class WorkerPool {
  /** The prefix of every worker thread's name, so tests can check none is left behind. */
  public static final String THREAD_PREFIX = "nvidia-sim-worker-";

  private static final AtomicInteger POOLS = new AtomicInteger();

  private WorkerPool() {}

  public static ThreadPoolExecutor create(int maxThreads) {
    int pool = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory =
        task -> {
          Thread t = new Thread(task, THREAD_PREFIX + pool + "-" + threads.incrementAndGet());
          t.setDaemon(true); // never the reason a JVM stays up; close() stops them anyway
          return t;
        };
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            maxThreads, maxThreads, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }
}
