/**
 * A local NVIDIA-API look-alike for KeyTriage's tests, demo and benchmarks.
 *
 * <p>Start one with {@link org.keytriage.simulator.NvidiaSimulator#start} from a {@link
 * org.keytriage.simulator.SimulatorConfig} holding a {@link org.keytriage.simulator.Scenario} (the
 * keys and each one's {@link org.keytriage.simulator.KeyBehaviour}) and a {@link java.time.Clock}
 * that tests move by hand; or from the command line with {@link
 * org.keytriage.simulator.SimulatorMain}. Every request with a known key is recorded in the {@link
 * org.keytriage.simulator.WitnessLog}, whose exact rolling-window maxima let a gateway test prove
 * it respected each key's limits.
 *
 * <p>Token counts are deterministic: see {@link org.keytriage.simulator.internal.TokenCounter}.
 * Everything under {@code internal} is implementation and may change.
 */
package org.keytriage.simulator;
