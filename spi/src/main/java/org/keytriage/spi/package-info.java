/**
 * KeyTriage's plugin contracts. Nothing here imports a framework, so a vendor can build a plugin
 * jar against this artifact alone.
 *
 * <p>Two extension points, each split the way Keycloak splits them: a heavy, long-lived
 * <em>factory</em> found with {@link java.util.ServiceLoader} (one per process, with an id, an
 * order, config metadata and {@code close()}), and a light <em>provider</em> it creates:
 *
 * <ul>
 *   <li>{@link org.keytriage.spi.BalancingStrategyFactory} creates a {@link
 *       org.keytriage.spi.BalancingStrategy}, which orders the candidate keys for one request from
 *       each candidate's live {@link org.keytriage.spi.CandidateKey view}.
 *   <li>{@link org.keytriage.spi.TaskHandlerFactory} creates a {@link
 *       org.keytriage.spi.TaskHandler}, which validates a task's input, builds the upstream request,
 *       parses the response and gives the router its {@link org.keytriage.spi.RoutingHints}.
 * </ul>
 *
 * <p>JSON bodies cross this boundary as plain Java trees ({@code Map<String,Object>}, {@code
 * List<Object>}, {@code String}, {@code Number}, {@code Boolean}, {@code null}) so that plugins need
 * no JSON library. Trees the gateway parses use the one model {@link org.keytriage.spi.JsonCodec}
 * states (every number a {@code BigDecimal}), and a provider that reads or writes JSON itself gets
 * that codec from {@link org.keytriage.spi.ProviderConfig#json()}.
 */
package org.keytriage.spi;
