/**
 * The upstream half of the {@link org.keytriage.core.gateway.Gateway}: its calls place a
 * request on a key through the router, calls NVIDIA's OpenAI-compatible API (or a self-hosted NIM
 * at the key's {@code base_url}) with that key, relays streams as they arrive, settles the real
 * token count and fails over to the next key when the upstream says no:
 *
 * <ul>
 *   <li>429: the key cools down ({@code Retry-After}, else 1 s doubling to 60 s), the reservation
 *       is released, the next key is tried;
 *   <li>5xx, timeout, broken connection: the key's circuit counts a failure, the next key is tried;
 *   <li>401/403: the key is quarantined until an administrator restores it, the next key is tried;
 *   <li>400/404/413/422 and other 4xx: the caller's request is wrong, so no other key would do
 *       better: {@link org.keytriage.core.upstream.UpstreamClientErrorException}, key not penalised;
 *   <li>every attempt together stays inside the request deadline ({@link
 *       org.keytriage.core.upstream.UpstreamDeadlineExceededException}); no key left: {@link
 *       org.keytriage.core.routing.NoAvailableKeyException} naming the last upstream failure.
 * </ul>
 *
 * <p>A request goes upstream as bytes: {@link org.keytriage.core.upstream.RelayedBody} holds the
 * caller's body and the few facts routing reads from it in one pass ({@link
 * org.keytriage.core.upstream.BodyFacts}), and a {@link org.keytriage.core.upstream.GatewayResponse}
 * keeps the upstream's answer as the bytes it came as. Settings are in {@link
 * org.keytriage.core.upstream.UpstreamSettings}; the implementation is in {@code internal}. Secrets go into the {@code Authorization} header and nowhere else; prompts and
 * answers are never logged.
 */
package org.keytriage.core.upstream;
