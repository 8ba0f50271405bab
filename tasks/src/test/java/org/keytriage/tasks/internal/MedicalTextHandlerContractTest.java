package org.keytriage.tasks.internal;

import java.util.List;
import java.util.Map;
import org.keytriage.spi.TaskHandlerFactory;
import org.keytriage.tasks.SampleInputs;
import org.keytriage.tasks.tck.TaskHandlerContract;

class MedicalTextHandlerContractTest extends TaskHandlerContract {
  @Override
  protected TaskHandlerFactory factory() {
    return new MedicalTextHandlerFactory();
  }

  @Override
  protected List<Map<String, Object>> validInputs() {
    return List.of(SampleInputs.medicalText(), SampleInputs.medicalTextOnly());
  }

  @Override
  protected String structuredAnswer() {
    return "{\"summary\": \"Subacute cognitive decline.\", \"symptoms\": [\"memory loss\", \"confusion\"], \"findings\": [\"MMSE 22/30\"]}";
  }
}
