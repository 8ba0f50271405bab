package org.keytriage.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keytriage.tasks.SampleInputs.map;
import static org.keytriage.tasks.SampleInputs.variant;
import static org.keytriage.tasks.internal.Handlers.errors;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keytriage.spi.TaskHandler;
import org.keytriage.spi.TaskInput;
import org.keytriage.spi.TaskResult;
import org.keytriage.tasks.SampleInputs;
import org.keytriage.tasks.results.GenomicsAnalysis;
import org.keytriage.tasks.results.VariantInterpretation;

class GenomicsHandlerTest {
  private final TaskHandler handler = Handlers.create(new GenomicsHandlerFactory());

  @Test
  void missingAndEmptyVariants() {
    assertThat(errors(handler, Map.of())).containsOnlyKeys("variants");
    assertThat(errors(handler, map("variants", List.of())))
        .containsEntry("variants", "must hold at least 1 item");
  }

  @Test
  void wrongTypes() {
    assertThat(errors(handler, map("variants", "rs429358 C/T")))
        .containsEntry("variants", "must be an array");
    assertThat(errors(handler, map("variants", List.of("APOE"), "context", 3)))
        .containsEntry("variants[0]", "must be an object with gene, rsid and genotype")
        .containsEntry("context", "must be a string");
    assertThat(errors(handler, map("variants", List.of(
        map("gene", 1, "rsid", true, "genotype", List.of("A", "G"), "effect_allele", 5,
            "effect_weight", "0.3")))))
        .containsEntry("variants[0].gene", "must be a string")
        .containsEntry("variants[0].rsid", "must be a string")
        .containsEntry("variants[0].genotype", "must be a string")
        .containsEntry("variants[0].effect_allele", "must be a string")
        .containsEntry("variants[0].effect_weight", "must be a finite number");
  }

  @Test
  void aJavaMapThatCannotTakeStringKeysIsAnErrorNotAnException() {
    assertThat(errors(handler, map("variants", List.of(new java.util.TreeMap<>(Map.of(1, "x"))))))
        .containsOnlyKeys("variants[0].gene", "variants[0].rsid", "variants[0].genotype");
  }

  @Test
  void missingVariantFieldsArePathed() {
    assertThat(errors(handler, map("variants", List.of(variant("APOE", "rs429358", "C/T", "C", 0.8),
        map("gene", "APOE")))))
        .containsOnlyKeys("variants[1].rsid", "variants[1].genotype");
  }

  @Test
  void badFormats() {
    assertThat(errors(handler, map("variants", List.of(
        map("gene", "G", "rsid", "429358", "genotype", "AG", "effect_allele", "X",
            "effect_weight", Double.NaN),
        map("gene", "G", "rsid", "rs1", "genotype", "A/G", "effect_weight", 0.5)))))
        .containsEntry("variants[0].rsid", "must be a dbSNP id: 'rs' followed by digits")
        .containsEntry("variants[0].genotype",
            "must be two alleles separated by '/' or '|', each A, C, G, T letters or '-'")
        .containsEntry("variants[0].effect_allele", "must be one allele: A, C, G, T letters or '-'")
        .containsEntry("variants[0].effect_weight", "must be a finite number")
        .containsEntry("variants[1].effect_allele",
            "is required when effect_weight is given: the allele the weight is for");
  }

  @Test
  void oversize() {
    List<Object> many = Collections.nCopies(501, variant("APOE", "rs429358", "C/T", "C", 0.8));
    assertThat(errors(handler, map("variants", many)))
        .containsEntry("variants", "has too many items: at most 500");
    assertThat(errors(handler, map("variants", Collections.nCopies(500, many.get(0))))).isEmpty();
    assertThat(errors(handler, map("variants", List.of(map("gene", "G".repeat(65), "rsid", "rs1",
        "genotype", "A/G"))))).containsEntry("variants[0].gene", "is too long: at most 64 characters");
  }

  @Test
  void promptListsVariantsAndTheExactScore() {
    String user = Handlers.userText(handler, SampleInputs.genomics());
    assertThat(user)
        .contains("- gene=APOE rsid=rs429358 genotype=C/T effect_allele=C effect_allele_copies=1 effect_weight=0.8")
        .contains("- gene=CYP2C19 rsid=rs4244285 genotype=G/A\n")
        .contains("Context: memory clinic work-up");
    assertThat(Handlers.userText(handler, SampleInputs.genomicsUnweighted()))
        .contains("Polygenic risk score: none");
  }

  @Test
  void parsesInterpretationsAsObjectsOrStrings() {
    TaskResult result = handler.parseResponse(TaskInput.of(SampleInputs.genomics()), ModelAnswers.of(
        "{\"summary\": \"S\", \"variant_interpretations\": [{\"gene\": \"APOE\", \"rsid\": \"rs429358\","
            + " \"significance\": \"risk factor\", \"interpretation\": \"e4\"}, \"plain text\", 7, {}],"
            + " \"risk_category\": \"moderate\"}"));

    GenomicsAnalysis analysis = GenomicsAnalysis.from(result);
    assertThat(result.structured()).isTrue();
    assertThat(analysis.variantInterpretations()).containsExactly(
        new VariantInterpretation("APOE", "rs429358", "risk factor", "e4"),
        new VariantInterpretation("", "", "", "plain text"),
        new VariantInterpretation("", "", "", "7"));
    assertThat(analysis.risk().category()).isEqualTo("moderate");
    assertThat(analysis.risk().score()).hasValue(0.8);
  }
}
