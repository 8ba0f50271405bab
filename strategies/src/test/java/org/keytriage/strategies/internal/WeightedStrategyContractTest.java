package org.keytriage.strategies.internal;

import org.keytriage.spi.BalancingStrategyFactory;
import org.keytriage.strategies.tck.BalancingStrategyContract;

class WeightedStrategyContractTest extends BalancingStrategyContract {
  @Override
  protected BalancingStrategyFactory factory() {
    return new WeightedStrategyFactory();
  }
}
