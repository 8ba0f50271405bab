/**
 * The usage ledger: per key, the requests and tokens admitted in the rolling 60-second window.
 *
 * <p>Capacity is <em>reserved before</em> a call ({@link org.keytriage.core.ledger.UsageLedger#reserve
 * 1 request + estimated tokens}), <em>settled</em> with the real token count after it, and
 * <em>released</em> when the call never reached the upstream. Invariant: in any rolling 60 s window
 * the admitted requests of a key are at most {@code max_rpm} and its admitted tokens at most {@code
 * max_tpm}, under any concurrency.
 *
 * <p>Every operation is a {@link org.keytriage.core.ledger.LedgerOperation}: one function applied
 * atomically to one key's {@link org.keytriage.core.ledger.UsageWindow}. A backend only has to
 * guarantee that atomicity: the in-process backend holds the window's monitor; the Hazelcast
 * backend runs the same function as an entry processor on the partition owner.
 *
 * <p>The window is 61 one-second slots. An admission at second {@code S} counts every slot from
 * {@code S-60} to {@code S}, which covers every 60 s window that ends at the admission; since the
 * fullest window always ends at one of its admissions, no window can exceed the limit. The price is
 * that a slot frees up to one second later than an exact log would, in exchange for constant
 * memory (about 1 KiB per key) and a constant-size state to ship to a backup.
 */
package org.keytriage.core.ledger;
