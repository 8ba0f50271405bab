package org.keytriage.tasks.internal;

import java.util.List;
import java.util.Map;
import org.keytriage.spi.TaskHandlerFactory;
import org.keytriage.tasks.SampleInputs;
import org.keytriage.tasks.tck.TaskHandlerContract;

class BatchItemHandlerContractTest extends TaskHandlerContract {
  @Override
  protected TaskHandlerFactory factory() {
    return new BatchItemHandlerFactory();
  }

  @Override
  protected List<Map<String, Object>> validInputs() {
    return List.of(SampleInputs.batchItem(), SampleInputs.batchItemTextOnly());
  }

  @Override
  protected String structuredAnswer() {
    return "{\"summary\": \"Pneumonia treated with amoxicillin.\", \"key_points\": [\"Length of stay four days\"]}";
  }
}
