/**
 * The task-handler contract suite (TCK), published in this module's test-jar. A vendor extends
 * {@link org.keytriage.tasks.tck.TaskHandlerContract} with its factory, a few valid inputs and one
 * model answer of the shape it asks for, to check that its handler keeps the {@link
 * org.keytriage.spi.TaskHandler} contract. Handlers are created with {@link
 * org.keytriage.tasks.tck.ProviderConfigs}, configs that carry the engine's JSON codec as the
 * gateway's do, so the suite needs {@code keytriage-core} on the test class path.
 */
package org.keytriage.tasks.tck;
