package org.keytriage.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keytriage.tasks.SampleInputs.map;
import static org.keytriage.tasks.SampleInputs.variant;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.keytriage.spi.FieldError;
import org.keytriage.spi.JsonCodec;
import org.keytriage.spi.TaskHandler;
import org.keytriage.spi.TaskInput;
import org.keytriage.spi.TaskResult;
import org.keytriage.tasks.SampleInputs;
import org.keytriage.tasks.results.GenomicsAnalysis;
import org.keytriage.tasks.results.PolygenicRisk;
import org.keytriage.tasks.tck.ProviderConfigs;

/** PRS = Σ effect_weight × copies of effect_allele; every expectation below is worked by hand. */
class PolygenicRiskScoreTest {
  private static final JsonCodec JSON = ProviderConfigs.empty().json();
  private final TaskHandler handler = new GenomicsHandlerFactory().create(ProviderConfigs.empty());

  @Test
  void heterozygousHomozygousAndAbsentEffectAlleles() {
    // 0.12 × 1 (A/G, effect G) + 0.25 × 2 (T/T, effect T) + (-0.08) × 1 (C/T, effect C)
    // + 0.40 × 0 (A/A, effect G) = 0.12 + 0.50 - 0.08 + 0 = 0.54
    PolygenicRiskScore prs = score(
        variant("TCF7L2", "rs7903146", "A/G", "G", 0.12),
        variant("FTO", "rs9939609", "T/T", "T", 0.25),
        variant("KCNJ11", "rs5219", "C/T", "C", -0.08),
        variant("PPARG", "rs1801282", "A/A", "G", 0.40));

    assertThat(prs.exactText()).isEqualTo("0.54");
    assertThat(prs.toRisk().score()).isEqualTo(OptionalDouble.of(0.54));
    assertThat(prs.scoredVariants()).isEqualTo(4);
    assertThat(prs.totalVariants()).isEqualTo(4);
  }

  @Test
  void decimalSumIsExactWhereDoublesWouldDrift() {
    // 0.1 × 1 + 0.2 × 1 = 0.3 exactly (in doubles 0.1 + 0.2 is 0.30000000000000004)
    PolygenicRiskScore prs = score(
        variant("G1", "rs1", "A/G", "G", 0.1), variant("G2", "rs2", "C/T", "T", 0.2));

    assertThat(prs.exactText()).isEqualTo("0.3");
    assertThat(prs.toRisk().score().getAsDouble()).isEqualTo(0.3);
  }

  @Test
  void integerWeightsCaseInsensitiveAllelesPhasedGenotypesAndDeletions() {
    // 2 × 2 (g|g, effect G) + 3 × 1 (AT/-, effect -) + 1 × 1 (c/t, effect c) = 4 + 3 + 1 = 8
    PolygenicRiskScore prs = score(
        variant("G1", "RS10", "g|g", "G", 2),
        variant("G2", "rs11", "AT/-", "-", 3L),
        variant("G3", "rs12", "c/t", "c", 1));

    assertThat(prs.exactText()).isEqualTo("8");
    assertThat(prs.toRisk().score()).isEqualTo(OptionalDouble.of(8.0));
  }

  @Test
  @SuppressWarnings("unchecked")
  void weightsParsedFromJsonAreExactDecimalsWhateverTheirSpelling() {
    // what the server hands on: every number a BigDecimal with the digits as written
    // 0.1 × 1 (A/G, effect G) + 2e-1 × 2 (T/T, effect T) + 1 × 1 (C/T, effect C)
    // + 1.50E+1 × 0 (A/A, effect G) = 0.1 + 0.4 + 1 + 0 = 1.5
    Map<String, Object> input = (Map<String, Object>) JSON.parse("{\"variants\": ["
        + weighted("rs1", "A/G", "G", "0.1") + ", " + weighted("rs2", "T/T", "T", "2e-1") + ", "
        + weighted("rs3", "C/T", "C", "1") + ", " + weighted("rs4", "A/A", "G", "1.50E+1") + "]}");
    List<?> variants = (List<?>) input.get("variants");
    assertThat(variants).allSatisfy(v ->
        assertThat(((Map<?, ?>) v).get("effect_weight")).isInstanceOf(BigDecimal.class));

    PolygenicRiskScore prs = score(variants.toArray(Map<?, ?>[]::new));

    assertThat(prs.exactText()).isEqualTo("1.5");
    assertThat(prs.toRisk().score()).isEqualTo(OptionalDouble.of(1.5));
    assertThat(prs.scoredVariants()).isEqualTo(4);
    String prompt = userText(TaskInput.of(input));
    assertThat(prompt)
        .contains("effect_weight=0.1\n", "effect_weight=0.2\n", "effect_weight=1\n")
        .contains("effect_weight=15.0\n")
        .contains("Polygenic risk score: 1.5 (");
  }

  @Test
  void unweightedVariantsAreInterpretedButNotScored() {
    // only the first carries a weight: -0.5 × 2 (T/T, effect T) = -1
    PolygenicRiskScore prs = score(
        variant("APOE", "rs7412", "T/T", "T", -0.5),
        map("gene", "APOE", "rsid", "rs429358", "genotype", "C/T", "effect_allele", "C"),
        map("gene", "CYP2C19", "rsid", "rs4244285", "genotype", "G/A"));

    assertThat(prs.exactText()).isEqualTo("-1");
    assertThat(prs.scoredVariants()).isEqualTo(1);
    assertThat(prs.totalVariants()).isEqualTo(3);
  }

  @Test
  void noWeightsNoScore() {
    PolygenicRiskScore prs = score(map("gene", "BRCA1", "rsid", "rs80357906", "genotype", "A/A"));

    assertThat(prs.hasScore()).isFalse();
    assertThat(prs.exactText()).isEmpty();
    assertThat(prs.toRisk().score()).isEmpty();
  }

  @Test
  void theScoreGoesIntoThePromptAndTheResultEvenWhenTheModelAnswersProse() {
    TaskInput input = TaskInput.of(SampleInputs.genomics());
    // sample: 0.8 × 1 (C/T, effect C) + (-0.5) × 0 (C/C, effect T) = 0.8, from 2 of 3 variants
    String prompt = userText(input);
    assertThat(prompt).contains("Polygenic risk score: 0.8 (").contains("2 weighted variants of 3");

    TaskResult prose = handler.parseResponse(input, ModelAnswers.of("Risk is moderate."));
    assertThat(prose.structured()).isFalse();
    PolygenicRisk risk = GenomicsAnalysis.from(prose).risk();
    assertThat(risk.score()).isEqualTo(OptionalDouble.of(0.8));
    assertThat(risk.scoredVariants()).isEqualTo(2);
    assertThat(risk.totalVariants()).isEqualTo(3);
    assertThat(((Map<?, ?>) prose.fields().get("risk")).get("polygenic_risk_score")).isEqualTo(0.8);
  }

  @Test
  void theModelGivesOnlyTheCategory() {
    TaskInput input = TaskInput.of(SampleInputs.genomics());
    TaskResult result = handler.parseResponse(input, ModelAnswers.of(
        "{\"summary\": \"s\", \"variant_interpretations\": [], \"risk_category\": \"high\","
            + " \"polygenic_risk_score\": 99}"));

    PolygenicRisk risk = GenomicsAnalysis.from(result).risk();
    assertThat(risk.category()).isEqualTo("high");
    assertThat(risk.score()).as("the model's own number is ignored").isEqualTo(OptionalDouble.of(0.8));
  }

  /** One variant as JSON text, its weight spelled as given. */
  private static String weighted(String rsid, String genotype, String effectAllele, String weight) {
    return "{\"gene\": \"G\", \"rsid\": \"" + rsid + "\", \"genotype\": \"" + genotype
        + "\", \"effect_allele\": \"" + effectAllele + "\", \"effect_weight\": " + weight + "}";
  }

  private PolygenicRiskScore score(Map<?, ?>... variants) {
    List<VariantRecord> records = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    FieldCheck input = new FieldCheck(Map.of(), "", errors, JSON);
    for (int i = 0; i < variants.length; i++) {
      VariantRecord.read(variants[i], "variants[" + i + "]", input).ifPresent(records::add);
    }
    assertThat(errors).isEmpty();
    return PolygenicRiskScore.of(records);
  }

  @SuppressWarnings("unchecked")
  private String userText(TaskInput input) {
    List<Map<String, Object>> messages =
        (List<Map<String, Object>>) handler.buildRequest(input).body().get("messages");
    return (String) messages.get(1).get("content");
  }
}
