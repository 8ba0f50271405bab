package org.keytriage.core.plugin;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.keytriage.core.json.JsonTrees;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.spi.ProviderFactory;

/**
 * The factories of one SPI found at start-up, by id. When two factories claim one id, the one with
 * the higher {@link ProviderFactory#order()} wins and the other is reported.
 *
 * @param <F> the factory contract
 */
public final class PluginRegistry<F extends ProviderFactory<?>> implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(PluginRegistry.class.getName());

  private final Class<F> contract;
  private final Map<String, F> byId;
  private final List<PluginProblem> problems;
  private final URLClassLoader pluginLoader;

  private PluginRegistry(
      Class<F> contract, Map<String, F> byId, List<PluginProblem> problems, URLClassLoader loader) {
    this.contract = contract;
    this.byId = Collections.unmodifiableMap(byId);
    this.problems = List.copyOf(problems);
    this.pluginLoader = loader;
  }

  /** Finds the factories visible to {@code classLoader}. */
  public static <F extends ProviderFactory<?>> PluginRegistry<F> discover(
      Class<F> contract, ClassLoader classLoader) {
    return discover(contract, classLoader, null);
  }

  /**
   * Finds the factories visible to {@code classLoader} and those in the {@code *.jar} files of
   * {@code pluginsDir} (ignored when null or absent). Plugin jars get a child class loader of
   * {@code classLoader}, so they see the SPI but not each other's classes.
   */
  public static <F extends ProviderFactory<?>> PluginRegistry<F> discover(
      Class<F> contract, ClassLoader classLoader, Path pluginsDir) {
    List<PluginProblem> problems = new ArrayList<>();
    URLClassLoader pluginLoader = pluginLoaderFor(contract.getSimpleName(), pluginsDir, classLoader, problems);
    return load(contract, pluginLoader != null ? pluginLoader : classLoader, problems, pluginLoader);
  }

  /**
   * Finds the factories visible to {@code effective}; {@code owned} (may be null) is the plugin
   * class loader this registry closes, null when someone else owns it.
   */
  static <F extends ProviderFactory<?>> PluginRegistry<F> load(
      Class<F> contract, ClassLoader effective, List<PluginProblem> problems, URLClassLoader owned) {
    URLClassLoader pluginLoader = owned;
    List<F> found = new ArrayList<>();
    ServiceLoader<F> loader = ServiceLoader.load(contract, effective);
    var iterator = loader.stream().iterator();
    while (true) {
      ServiceLoader.Provider<F> provider;
      try {
        if (!iterator.hasNext()) {
          break;
        }
        provider = iterator.next();
      } catch (ServiceConfigurationError e) {
        problems.add(new PluginProblem(contract.getSimpleName(), "?", describe(e)));
        continue;
      }
      instantiate(contract, provider, problems).ifPresent(found::add);
    }
    Map<String, F> byId = new LinkedHashMap<>();
    found.sort(Comparator.comparingInt((F f) -> f.order()).reversed());
    for (F factory : found) {
      F winner = byId.putIfAbsent(factory.id(), factory);
      if (winner != null) {
        problems.add(
            new PluginProblem(
                contract.getSimpleName(),
                factory.getClass().getName(),
                "id '"
                    + factory.id()
                    + "' is already provided by "
                    + winner.getClass().getName()
                    + " with a higher or equal order; this one is ignored"));
      }
    }
    for (PluginProblem p : problems) {
      LOG.log(Level.WARNING, "Plugin problem ({0}) {1}: {2}", p.contract(), p.provider(), p.message());
    }
    return new PluginRegistry<>(contract, byId, problems, pluginLoader);
  }

  private static <F extends ProviderFactory<?>> Optional<F> instantiate(
      Class<F> contract, ServiceLoader.Provider<F> provider, List<PluginProblem> problems) {
    String name = providerName(provider);
    try {
      F factory = provider.get();
      String id = factory.id();
      if (id == null || id.isBlank()) {
        problems.add(new PluginProblem(contract.getSimpleName(), name, "id() is blank"));
        return Optional.empty();
      }
      return Optional.of(factory);
    } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
      problems.add(new PluginProblem(contract.getSimpleName(), name, describe(e)));
      return Optional.empty();
    }
  }

  private static String providerName(ServiceLoader.Provider<?> provider) {
    try {
      return provider.type().getName();
    } catch (RuntimeException | LinkageError e) {
      return "?";
    }
  }

  static URLClassLoader pluginLoaderFor(
      String contract, Path dir, ClassLoader parent, List<PluginProblem> problems) {
    if (dir == null || !Files.isDirectory(dir)) {
      return null;
    }
    List<URL> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
        try {
          jars.add(jar.toUri().toURL());
        } catch (MalformedURLException e) {
          problems.add(new PluginProblem(contract, jar.toString(), describe(e)));
        }
      }
    } catch (IOException e) {
      problems.add(
          new PluginProblem(contract, dir.toString(), "cannot list: " + describe(e)));
      return null;
    }
    return jars.isEmpty() ? null : new URLClassLoader(jars.toArray(URL[]::new), parent);
  }

  /** The exception and its causes, one after the other: the root cause is what a vendor needs. */
  private static String describe(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (out.length() > 0) {
        out.append(" <- caused by ");
      }
      out.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        out.append(": ").append(t.getMessage());
      }
    }
    return out.toString();
  }

  public Class<F> contract() {
    return contract;
  }

  public Optional<F> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The ids found, sorted. */
  public Set<String> ids() {
    return Collections.unmodifiableSet(new TreeSet<>(byId.keySet()));
  }

  public List<F> factories() {
    return List.copyOf(byId.values());
  }

  public List<PluginProblem> problems() {
    return problems;
  }

  /**
   * The config to create one of these factories' providers with: {@code values} and the engine's
   * JSON codec ({@link JsonTrees#codec()}), which {@link ProviderConfig#json()} hands on.
   */
  public ProviderConfig config(Map<String, String> values) {
    return ProviderConfig.of(values, JsonTrees.codec());
  }

  /** Closes every factory (a failing close is logged), then the plugin jars' class loader. */
  @Override
  public void close() {
    for (F factory : byId.values()) {
      try {
        factory.close();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Closing plugin {0} failed: {1}", factory.id(), describe(e));
      }
    }
    if (pluginLoader != null) {
      try {
        pluginLoader.close();
      } catch (IOException e) {
        LOG.log(Level.WARNING, "Closing plugin class loader failed: {0}", describe(e));
      }
    }
  }
}
