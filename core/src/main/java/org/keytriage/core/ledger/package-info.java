/**
 * The usage ledger: per key, the requests and tokens admitted in the rolling 60-second window.
 *
 * <p>Capacity is <em>reserved before</em> a call ({@link org.keytriage.core.ledger.UsageLedger#reserve
 * 1 request + estimated tokens}), <em>settled</em> with the real token count after it, and
 * <em>released</em> when the call never reached the upstream. Invariant: in any rolling 60 s window
 * the admitted requests of a key are at most {@code max_rpm} and its admitted tokens at most {@code
 * max_tpm}, under any concurrency. The window kept is one second longer than that (any rolling 61 s
 * window holds at most the limits), as a margin for the transit delay to the upstream: see below.
 *
 * <p>Every operation is a {@link org.keytriage.core.ledger.LedgerOperation}: one function applied
 * atomically to one key's {@link org.keytriage.core.ledger.UsageWindow}. A backend only has to
 * guarantee that atomicity: the in-process backend holds the window's monitor; the Hazelcast
 * backend runs the same function as an entry processor on the partition owner.
 *
 * <p>The window is 62 one-second slots. An admission at second {@code S} counts every slot from
 * {@code S-61} to {@code S}, which covers every window of 61 s (not only 60 s) that ends at the
 * admission; since the fullest window always ends at one of its admissions, no window can exceed
 * the limit. A constant-size window costs precision: a slot frees up to one second later than an
 * exact log would, in exchange for constant memory (about 1 KiB per key) and a constant-size state
 * to ship to a backup.
 *
 * <p>Why 61 s and not 60: the ledger stamps a reservation when it is made, but NVIDIA counts a
 * request when it <em>arrives</em>, after a transit delay that varies from call to call. With 61
 * slots a reservation stopped counting as little as 60.001 s after it was made, so a request
 * reserved late in its second and delivered quickly could share an upstream 60 s window with one
 * reserved just over 60 s later and delivered slowly: a loaded three-node run once delivered 32
 * requests for {@code max_rpm} 30. With 62 slots the requests that arrive within one upstream 60 s
 * window were reserved within 60 s plus the difference of their transit delays; while that
 * difference (the jitter) is under one second, they were reserved within one rolling 61 s window,
 * which holds at most the limits. So the invariant holds at the upstream for any transit jitter
 * under one second. The price is that capacity frees one second later: a refused request's {@code
 * retryAfter} is at most 62 s.
 */
package org.keytriage.core.ledger;
