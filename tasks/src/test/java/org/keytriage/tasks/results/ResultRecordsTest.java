package org.keytriage.tasks.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.keytriage.spi.TaskResult;

/** Each record writes the fields the REST API returns and reads them back unchanged. */
class ResultRecordsTest {
  private static final String PHI = "Jane Doe MRN 0012345";

  @Test
  void medicalTextRoundTrip() {
    MedicalTextAnalysis a = new MedicalTextAnalysis(true, PHI, List.of(PHI), List.of("f"), "");
    TaskResult r = a.toTaskResult();
    assertThat(r.fields()).containsOnlyKeys("summary", "symptoms", "findings");
    assertThat(MedicalTextAnalysis.from(r)).isEqualTo(a);
    assertThat(a.toString()).doesNotContain(PHI);
    assertThat(MedicalTextAnalysis.from(MedicalTextAnalysis.unstructured(PHI).toTaskResult()))
        .isEqualTo(MedicalTextAnalysis.unstructured(PHI));
  }

  @Test
  void diagnosticReportRoundTrip() {
    DiagnosticReport a = new DiagnosticReport(true, PHI, List.of("f"), PHI, List.of("r"), "");
    assertThat(DiagnosticReport.from(a.toTaskResult())).isEqualTo(a);
    assertThat(a.toTaskResult().fields()).containsOnlyKeys("summary", "findings", "impression", "recommendations");
    assertThat(a.toString()).doesNotContain(PHI);
  }

  @Test
  void genomicsRoundTripWithAndWithoutScore() {
    PolygenicRisk risk = new PolygenicRisk(OptionalDouble.of(0.54), 4, 5, "moderate");
    GenomicsAnalysis a = new GenomicsAnalysis(true, PHI,
        List.of(new VariantInterpretation("APOE", "rs429358", "risk factor", PHI)), risk, "");
    TaskResult r = a.toTaskResult();
    assertThat(r.fields()).containsOnlyKeys("summary", "variant_interpretations", "risk");
    assertThat(asMap(r.fields().get("risk"))).containsEntry("polygenic_risk_score", 0.54)
        .containsEntry("scored_variants", 4).containsEntry("total_variants", 5)
        .containsEntry("category", "moderate");
    assertThat(GenomicsAnalysis.from(r)).isEqualTo(a);
    assertThat(a.toString()).doesNotContain(PHI).doesNotContain("0.54").doesNotContain("APOE");

    GenomicsAnalysis fallback = GenomicsAnalysis.unstructured(PHI, PolygenicRisk.NONE);
    assertThat(fallback.toTaskResult().fields()).containsOnlyKeys("text", "risk");
    assertThat(asMap(fallback.toTaskResult().fields().get("risk"))).doesNotContainKey("polygenic_risk_score");
    assertThat(GenomicsAnalysis.from(fallback.toTaskResult())).isEqualTo(fallback);
  }

  @Test
  void streamingBatchAndMultimodalRoundTrip() {
    StreamingInsight s = new StreamingInsight(true, PHI, List.of("a"), "");
    assertThat(StreamingInsight.from(s.toTaskResult())).isEqualTo(s);
    BatchSummary b = new BatchSummary(true, PHI, List.of("k"), "");
    assertThat(BatchSummary.from(b.toTaskResult())).isEqualTo(b);
    MultimodalAssessment m = new MultimodalAssessment(true, PHI, Map.of("imaging", PHI), "high", List.of("r"), "");
    assertThat(MultimodalAssessment.from(m.toTaskResult())).isEqualTo(m);
    for (Object o : List.of(s, b, m, s.toTaskResult(), m.toTaskResult())) {
      assertThat(o.toString()).doesNotContain(PHI);
    }
  }

  @Test
  void nullsBecomeEmpty() {
    MultimodalAssessment m = new MultimodalAssessment(false, null, null, null, null, null);
    assertThat(m.assessment()).isEmpty();
    assertThat(m.modalityFindings()).isEmpty();
    assertThat(m.recommendations()).isEmpty();
    assertThat(m.isEmpty()).isTrue();
    assertThat(new GenomicsAnalysis(false, null, null, null, null).risk()).isEqualTo(PolygenicRisk.NONE);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }
}
