package org.keytriage.strategies.internal;

import org.keytriage.spi.BalancingStrategyFactory;
import org.keytriage.strategies.tck.BalancingStrategyContract;

class PriorityStrategyContractTest extends BalancingStrategyContract {
  @Override
  protected BalancingStrategyFactory factory() {
    return new PriorityStrategyFactory();
  }
}
