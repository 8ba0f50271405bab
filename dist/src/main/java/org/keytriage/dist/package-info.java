/**
 * The library-mode demo behind {@code ./keytriage library-demo}: the bundled NVIDIA simulator as
 * upstream, KeyTriage as a plain Java library with the demo's guide-format configuration, a mixed
 * workload over the six task types ({@link org.keytriage.dist.DemoRequests}, shared with the server
 * demo in {@link org.keytriage.dist.server}), and the report the guide's demo promises.
 */
package org.keytriage.dist;
