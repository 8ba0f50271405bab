package org.keytriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keytriage.core.routing.StrategyChoiceStore;

/** Key switches and strategy choices outlive a restart; a running cluster's newer choice is kept. */
class OperatorSwitchesTest {

  @ParameterizedTest
  @EnumSource(StoreOnDatabase.class)
  void switchesAndChoicesComeBackAfterARestart(StoreOnDatabase db) {
    StoreSettings settings = db.settings();
    try {
      try (Store store = Store.open(settings)) {
        store.keySwitches().record("k1", false);
        store.keySwitches().record("k2", false);
        store.keySwitches().record("k2", true);
        store.strategyChoices(StrategyChoiceStore.inProcess()).choose("genomics_analysis", "least_loaded");
      }
      try (Store again = Store.open(settings)) {
        assertThat(again.keySwitches().switches()).containsEntry("k1", false).containsEntry("k2", true);
        StrategyChoiceStore restarted = again.strategyChoices(StrategyChoiceStore.inProcess());
        assertThat(restarted.chosen("genomics_analysis")).contains("least_loaded");

        StrategyChoiceStore grid = StrategyChoiceStore.inProcess();
        grid.choose("genomics_analysis", "priority"); // a running cluster's newer choice
        again.strategyChoices(grid);
        assertThat(grid.chosen("genomics_analysis")).contains("priority");
      }
    } finally {
      db.cleanUp(settings);
    }
  }
}
