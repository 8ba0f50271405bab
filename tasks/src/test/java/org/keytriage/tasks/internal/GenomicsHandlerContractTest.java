package org.keytriage.tasks.internal;

import java.util.List;
import java.util.Map;
import org.keytriage.spi.TaskHandlerFactory;
import org.keytriage.tasks.SampleInputs;
import org.keytriage.tasks.tck.TaskHandlerContract;

class GenomicsHandlerContractTest extends TaskHandlerContract {
  @Override
  protected TaskHandlerFactory factory() {
    return new GenomicsHandlerFactory();
  }

  @Override
  protected List<Map<String, Object>> validInputs() {
    return List.of(SampleInputs.genomics(), SampleInputs.genomicsUnweighted());
  }

  @Override
  protected String structuredAnswer() {
    return "{\"summary\": \"One APOE e4 allele.\", \"variant_interpretations\": [{\"gene\": \"APOE\", \"rsid\": \"rs429358\", \"significance\": \"risk factor\", \"interpretation\": \"Carrier of one e4 allele.\"}], \"risk_category\": \"moderate\"}";
  }
}
