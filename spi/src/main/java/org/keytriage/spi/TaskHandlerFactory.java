package org.keytriage.spi;

/**
 * Creates the {@link TaskHandler} for one task type; its {@link #id()} is the task type id. Register
 * an implementation in {@code META-INF/services/org.keytriage.spi.TaskHandlerFactory}. A discovered
 * handler makes its task type known to the configuration validator.
 */
public interface TaskHandlerFactory extends ProviderFactory<TaskHandler> {}
