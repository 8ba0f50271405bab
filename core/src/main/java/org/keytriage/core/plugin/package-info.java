/**
 * Finding plugin factories: {@link java.util.ServiceLoader} over an explicit class loader (the
 * application's) and, optionally, over the jars dropped into a plugins folder. A provider that
 * fails to load, or whose factory throws, is isolated and reported as a {@link
 * org.keytriage.core.plugin.PluginProblem}; it never stops the others from loading.
 */
package org.keytriage.core.plugin;
