package org.keytriage.core.plugin;

/**
 * A provider that could not be used.
 *
 * @param contract the SPI interface, e.g. {@code BalancingStrategyFactory}
 * @param provider the provider class or jar, as far as it is known
 * @param message what went wrong
 */
public record PluginProblem(String contract, String provider, String message) {}
