/**
 * Implementations of the built-in strategies: one factory and one strategy class per id, plus a few
 * small helpers they share. Not API: the factories are public only because {@link
 * java.util.ServiceLoader} instantiates them.
 *
 * <p>Every strategy runs on every request, so they copy the candidates into one array, reorder it
 * in place and hand it back as a list; no streams, boxing or per-call lambdas. Sorting uses {@link
 * java.util.Arrays#sort(Object[], java.util.Comparator)}, which is stable (ties keep the given
 * order) and allocates nothing for the short lists a tier holds.
 */
package org.keytriage.strategies.internal;
