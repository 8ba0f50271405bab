/**
 * The task-handler contract suite (TCK), published in this module's test-jar. A vendor extends
 * {@link org.keytriage.tasks.tck.TaskHandlerContract} with its factory, a few valid inputs and one
 * model answer of the shape it asks for, to check that its handler keeps the {@link
 * org.keytriage.spi.TaskHandler} contract.
 */
package org.keytriage.tasks.tck;
