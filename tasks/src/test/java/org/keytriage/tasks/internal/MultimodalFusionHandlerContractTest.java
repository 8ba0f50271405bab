package org.keytriage.tasks.internal;

import java.util.List;
import java.util.Map;
import org.keytriage.spi.TaskHandlerFactory;
import org.keytriage.tasks.SampleInputs;
import org.keytriage.tasks.tck.TaskHandlerContract;

class MultimodalFusionHandlerContractTest extends TaskHandlerContract {
  @Override
  protected TaskHandlerFactory factory() {
    return new MultimodalFusionHandlerFactory();
  }

  @Override
  protected List<Map<String, Object>> validInputs() {
    return List.of(SampleInputs.multimodal(), SampleInputs.multimodalNoImages());
  }

  @Override
  protected String structuredAnswer() {
    return "{\"assessment\": \"Findings consistent with early neurodegeneration.\", \"modality_findings\": {\"imaging\": \"Hippocampal atrophy\", \"wearable\": \"Poor sleep\", \"genomics\": \"APOE e4 carrier\"}, \"confidence\": \"moderate\", \"recommendations\": [\"Amyloid PET\"]}";
  }
}
