package org.keytriage.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderConfigTest {
  /** Stands in for the gateway's codec; the spi has none of its own. */
  private static final JsonCodec CODEC = new JsonCodec() {
    @Override
    public Object parse(String json) {
      return json;
    }

    @Override
    public String write(Object tree) {
      return String.valueOf(tree);
    }
  };

  @Test
  void aConfigFromThePluginRegistryHandsOnItsCodec() {
    ProviderConfig config = ProviderConfig.of(Map.of("model", "m"), CODEC);

    assertThat(config.json()).isSameAs(CODEC);
    assertThat(config.getString("model", "x")).isEqualTo("m");
    assertThat(ProviderConfig.of(Map.of(), CODEC).json()).isSameAs(CODEC);
  }

  @Test
  void aConfigWithoutCodecSaysWhereOneComesFrom() {
    for (ProviderConfig config : new ProviderConfig[] {
        ProviderConfig.empty(), ProviderConfig.of(Map.of()), ProviderConfig.of(Map.of("a", "1"))}) {
      assertThatThrownBy(config::json)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("plugin registry")
          .hasMessageContaining("supplies the codec");
    }
    assertThat(ProviderConfig.of(Map.of("a", "1")).getLong("a", 0)).isEqualTo(1);
    assertThatThrownBy(() -> ProviderConfig.of(Map.of(), null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void equalWhenSettingsAndCodecAreEqual() {
    assertThat(ProviderConfig.of(Map.of("a", "1"), CODEC))
        .isEqualTo(ProviderConfig.of(Map.of("a", "1"), CODEC))
        .hasSameHashCodeAs(ProviderConfig.of(Map.of("a", "1"), CODEC))
        .isNotEqualTo(ProviderConfig.of(Map.of("a", "1")));
    assertThat(ProviderConfig.of(Map.of())).isEqualTo(ProviderConfig.empty());
  }
}
