package org.keytriage.tasks.internal;

import java.util.List;
import java.util.Map;
import org.keytriage.spi.TaskHandlerFactory;
import org.keytriage.tasks.SampleInputs;
import org.keytriage.tasks.tck.TaskHandlerContract;

class DiagnosticReportHandlerContractTest extends TaskHandlerContract {
  @Override
  protected TaskHandlerFactory factory() {
    return new DiagnosticReportHandlerFactory();
  }

  @Override
  protected List<Map<String, Object>> validInputs() {
    return List.of(SampleInputs.diagnosticReport(), SampleInputs.diagnosticReportWithTextResults());
  }

  @Override
  protected String structuredAnswer() {
    return "{\"summary\": \"Older woman with cognitive decline.\", \"findings\": [\"Mild hippocampal atrophy\"], \"impression\": \"Probable early Alzheimer disease.\", \"recommendations\": [\"Neuropsychology referral\"]}";
  }
}
