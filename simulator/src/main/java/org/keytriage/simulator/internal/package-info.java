/**
 * The simulator's implementation: the HTTP plumbing ({@code Router}, {@code ApiPipeline}, the
 * endpoints), per-key state ({@code KeyRegistry}, {@code KeyState}, {@code RollingWindowLimiter}),
 * the deterministic parts ({@code TokenCounter}, {@code CompletionText}, {@code TaskAnswer}, {@code
 * DeterministicDice}, {@code FaultPlanner}) and JSON reading ({@code ScenarioJson}, {@code
 * BehaviourJson}). Not an API: use {@link org.keytriage.simulator} instead.
 */
package org.keytriage.simulator.internal;
