package org.keytriage.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CliOptionsTest {
  @Test
  void defaultsToPort8089AndTheDemoScenario() {
    CliOptions options = CliOptions.parse(new String[0]);

    assertThat(options.port()).isEqualTo(8089);
    assertThat(options.scenario()).isEqualTo("classpath:scenarios/demo.json");
    assertThat(options.help()).isFalse();
  }

  @Test
  void readsBothSpellings() {
    CliOptions options = CliOptions.parse(new String[] {"--port=9000", "--scenario", "a.json"});

    assertThat(options.port()).isEqualTo(9000);
    assertThat(options.scenario()).isEqualTo("a.json");
    assertThat(CliOptions.parse(new String[] {"-h"}).help()).isTrue();
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> CliOptions.parse(new String[] {"--port", "70000"}))
        .hasMessageContaining("0..65535");
    assertThatThrownBy(() -> CliOptions.parse(new String[] {"--scenario", "--port", "1"}))
        .hasMessage("--scenario needs a value");
    assertThatThrownBy(() -> CliOptions.parse(new String[] {"extra"}))
        .hasMessage("unknown argument 'extra'");
  }
}
