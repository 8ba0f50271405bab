package org.keytriage.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hazelcast is a provided dependency: a library user who keeps the default (in process) must not
 * need the jar. Runs {@link WithoutHazelcastProbe} in a class loader built from this test's class
 * path minus Hazelcast.
 */
class InProcessWithoutHazelcastTest {

  @Test
  void theDefaultSettingsWorkWithoutTheHazelcastJar() throws Exception {
    try (URLClassLoader isolated = new URLClassLoader(classPathWithoutHazelcast(), ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> isolated.loadClass("com.hazelcast.core.HazelcastInstance"))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> probe = isolated.loadClass(WithoutHazelcastProbe.class.getName());
      assertThat(probe.getClassLoader()).isSameAs(isolated);
      Object key = probe.getMethod("run").invoke(null);
      assertThat(key).isEqualTo("only");
    }
  }

  private static URL[] classPathWithoutHazelcast() throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isBlank() && !new File(entry).getName().startsWith("hazelcast")) {
        urls.add(new File(entry).toURI().toURL());
      }
    }
    return urls.toArray(new URL[0]);
  }
}
