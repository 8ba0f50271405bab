package org.keytriage.core.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * The usage map keeps {@code MaxUsageMergePolicy} only where the grid can load it by name: Payara's
 * grid resolves configured classes with its common class loader, which cannot see the WAR.
 */
class GridMapsTest {
  @Test
  void theMergePolicyIsLoadableFromTheApplicationsLoaderOrWhenNoLoaderIsConfigured() {
    assertThat(GridMaps.canLoadMergePolicy(null)).isTrue();
    assertThat(GridMaps.canLoadMergePolicy(GridMaps.class.getClassLoader())).isTrue();
  }

  @Test
  void aServerLoaderThatCannotSeeTheApplicationIsDetected() throws Exception {
    try (URLClassLoader serverLoader = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
      assertThat(GridMaps.canLoadMergePolicy(serverLoader)).isFalse();
    }
  }
}
