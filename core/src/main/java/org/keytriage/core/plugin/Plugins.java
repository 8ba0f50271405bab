package org.keytriage.core.plugin;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.keytriage.spi.BalancingStrategyFactory;
import org.keytriage.spi.TaskHandlerFactory;

/**
 * Every plugin the engine uses, discovered once: balancing strategies and task handlers from the
 * application's class path and from the {@code *.jar} files of a plugins folder, the jars under
 * ONE child class loader (so a vendor jar holding both a strategy and a handler shares its own
 * classes between them). Close it to close every factory and then that class loader.
 */
public final class Plugins implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Plugins.class.getName());

  private final PluginRegistry<BalancingStrategyFactory> strategies;
  private final PluginRegistry<TaskHandlerFactory> taskHandlers;
  private final URLClassLoader pluginLoader;

  private Plugins(
      PluginRegistry<BalancingStrategyFactory> strategies,
      PluginRegistry<TaskHandlerFactory> taskHandlers,
      URLClassLoader pluginLoader) {
    this.strategies = strategies;
    this.taskHandlers = taskHandlers;
    this.pluginLoader = pluginLoader;
  }

  /**
   * @param classLoader the application's class loader (built-in strategies and handlers)
   * @param pluginsDir a folder of plugin jars; null or absent for none
   */
  public static Plugins discover(ClassLoader classLoader, Path pluginsDir) {
    List<PluginProblem> folderProblems = new ArrayList<>();
    URLClassLoader jars = PluginRegistry.pluginLoaderFor("plugins folder", pluginsDir, classLoader, folderProblems);
    ClassLoader effective = jars != null ? jars : classLoader;
    return new Plugins(
        PluginRegistry.load(BalancingStrategyFactory.class, effective, folderProblems, null),
        PluginRegistry.load(TaskHandlerFactory.class, effective, new ArrayList<>(), null),
        jars);
  }

  public PluginRegistry<BalancingStrategyFactory> strategies() {
    return strategies;
  }

  public PluginRegistry<TaskHandlerFactory> taskHandlers() {
    return taskHandlers;
  }

  @Override
  public void close() {
    strategies.close();
    taskHandlers.close();
    if (pluginLoader != null) {
      try {
        pluginLoader.close();
      } catch (IOException e) {
        LOG.log(Level.WARNING, "Closing the plugins folder's class loader failed: {0}", e.getClass().getName());
      }
    }
  }
}
