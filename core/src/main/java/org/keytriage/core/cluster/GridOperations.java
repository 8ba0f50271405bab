package org.keytriage.core.cluster;

/**
 * How many operations this node has sent to the grid, for operators and for tests that hold the
 * engine to its round-trip budget. A <em>synchronous</em> operation is one a thread waited for (a
 * reservation, a batched state read: one round trip each, however many members a batch reaches in
 * parallel); an <em>asynchronous</em> one was sent without anyone waiting (a budget booking, a
 * background refresh of a local copy). Counted per node and per thread, so a test can count what one
 * request cost on its own thread while background work runs on others.
 */
public interface GridOperations {

  /** Synchronous operations of this node since it started. */
  long synchronousTotal();

  /** Asynchronous operations of this node since it started. */
  long asynchronousTotal();

  /** Synchronous operations the calling thread has waited for. */
  long synchronousOnThisThread();

  /** Asynchronous operations the calling thread has sent. */
  long asynchronousOnThisThread();

  /** The counts of a node without a grid: always zero. */
  GridOperations NONE =
      new GridOperations() {
        @Override
        public long synchronousTotal() {
          return 0;
        }

        @Override
        public long asynchronousTotal() {
          return 0;
        }

        @Override
        public long synchronousOnThisThread() {
          return 0;
        }

        @Override
        public long asynchronousOnThisThread() {
          return 0;
        }
      };
}
