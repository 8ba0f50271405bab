/**
 * The demo behind {@code ./keytriage demo}: the bundled NVIDIA simulator as upstream, KeyTriage in
 * library mode with the demo's guide-format configuration, a mixed workload over the six task
 * types, and the report the guide's demo promises.
 */
package org.keytriage.dist;
