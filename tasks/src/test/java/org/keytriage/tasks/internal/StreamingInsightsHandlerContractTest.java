package org.keytriage.tasks.internal;

import java.util.List;
import java.util.Map;
import org.keytriage.spi.TaskHandlerFactory;
import org.keytriage.tasks.SampleInputs;
import org.keytriage.tasks.tck.TaskHandlerContract;

class StreamingInsightsHandlerContractTest extends TaskHandlerContract {
  @Override
  protected TaskHandlerFactory factory() {
    return new StreamingInsightsHandlerFactory();
  }

  @Override
  protected List<Map<String, Object>> validInputs() {
    return List.of(SampleInputs.streaming(), SampleInputs.streamingText());
  }

  @Override
  protected String structuredAnswer() {
    return "{\"insight\": \"Heart rate rising while saturation falls.\", \"alerts\": [\"SpO2 below 92 percent\"]}";
  }
}
