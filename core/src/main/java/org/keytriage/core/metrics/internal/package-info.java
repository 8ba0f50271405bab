/**
 * How the metrics are kept and written: label-keyed cells of {@link
 * java.util.concurrent.atomic.LongAdder}s and {@link java.util.concurrent.atomic.DoubleAdder}s
 * ({@link org.keytriage.core.metrics.internal.Series}, {@link
 * org.keytriage.core.metrics.internal.Counter}), fixed-bucket duration histograms in nanoseconds
 * ({@link org.keytriage.core.metrics.internal.Histogram}), the per-key gauges ({@link
 * org.keytriage.core.metrics.internal.KeyGauges}) and the text format's rules ({@link
 * org.keytriage.core.metrics.internal.TextFormat}). Not an API: only {@code
 * org.keytriage.core.metrics} is.
 */
package org.keytriage.core.metrics.internal;
