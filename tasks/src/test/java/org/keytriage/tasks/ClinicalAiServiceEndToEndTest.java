package org.keytriage.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.keytriage.tasks.SimulatedHospital.BACKUP;
import static org.keytriage.tasks.SimulatedHospital.BATCH;
import static org.keytriage.tasks.SimulatedHospital.GENOMICS;
import static org.keytriage.tasks.SimulatedHospital.MEDICAL;
import static org.keytriage.tasks.SimulatedHospital.MULTIMODAL;
import static org.keytriage.tasks.SimulatedHospital.STREAMING;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keytriage.core.accounting.MetricsSnapshot;
import org.keytriage.core.json.JsonTrees;
import org.keytriage.core.upstream.NvidiaGateway;
import org.keytriage.simulator.KeyBehaviour;
import org.keytriage.simulator.WitnessEntry;
import org.keytriage.spi.ClinicalPriority;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskTypes;
import org.keytriage.tasks.results.BatchSummary;
import org.keytriage.tasks.results.DiagnosticReport;
import org.keytriage.tasks.results.GenomicsAnalysis;
import org.keytriage.tasks.results.MedicalTextAnalysis;
import org.keytriage.tasks.results.MultimodalAssessment;
import org.keytriage.tasks.results.StreamingInsight;

/** The facade against the in-process NVIDIA simulator, through the real engine and gateway. */
class ClinicalAiServiceEndToEndTest {
  private SimulatedHospital hospital;
  private ClinicalAiService service;

  @AfterEach
  void close() {
    if (service != null) {
      service.close();
    }
    if (hospital != null) {
      hospital.close();
    }
  }

  private ClinicalAiService start() {
    hospital = new SimulatedHospital().start();
    service = ClinicalAiService.builder(hospital.keyTriage).build();
    return service;
  }

  @Test
  void everyTaskTypeReturnsAStructuredTypedResultFromItsOwnKey() {
    start();

    TaskOutcome<MedicalTextAnalysis> text =
        service.analyzeMedicalText((String) SampleInputs.medicalText().get("text"), "diagnostic_evaluation");
    assertThat(text.structured()).isTrue();
    assertThat(text.result().summary()).isNotBlank();
    assertThat(text.result().symptoms()).isNotEmpty();
    assertThat(text.keyId()).isEqualTo(MEDICAL);

    Map<String, Object> report = SampleInputs.diagnosticReport();
    @SuppressWarnings("unchecked")
    TaskOutcome<DiagnosticReport> r = service.generateDiagnosticReport(
        (Map<String, Object>) report.get("patient_data"), report.get("diagnostic_results"));
    assertThat(r.structured()).isTrue();
    assertThat(r.result().impression()).isNotBlank();
    assertThat(r.result().findings()).isNotEmpty();
    assertThat(r.keyId()).isEqualTo(MEDICAL);

    TaskOutcome<GenomicsAnalysis> g = service.analyzeGenomicsData(SampleInputs.genomics());
    assertThat(g.structured()).isTrue();
    assertThat(g.result().variantInterpretations()).extracting(v -> v.gene())
        .containsExactly("APOE", "APOE", "CYP2C19");
    assertThat(g.result().risk().score()).hasValue(0.8);
    assertThat(g.result().risk().category()).isIn("low", "moderate", "high");
    assertThat(g.keyId()).isEqualTo(GENOMICS);

    TaskOutcome<StreamingInsight> s = service.streamInsights(
        SampleInputs.streaming().get("data"), "ward monitoring", delta -> { });
    assertThat(s.structured()).isTrue();
    assertThat(s.result().insight()).isNotBlank();
    assertThat(s.keyId()).isEqualTo(STREAMING);

    BatchOutcome b = service.processBatch(SampleInputs.batchTexts(3));
    assertThat(b.succeeded()).isEqualTo(3);
    assertThat(b.items()).allSatisfy(i -> {
      assertThat(i.outcome().structured()).isTrue();
      assertThat(i.outcome().result().summary()).isNotBlank();
      assertThat(i.outcome().keyId()).isEqualTo(BATCH);
    });

    Map<String, Object> mm = SampleInputs.multimodal();
    @SuppressWarnings("unchecked")
    TaskOutcome<MultimodalAssessment> m = service.fuseModalities((List<String>) mm.get("images"),
        mm.get("wearable_summary"), mm.get("genomic_summary"), (String) mm.get("clinical_question"));
    assertThat(m.structured()).isTrue();
    assertThat(m.result().assessment()).isNotBlank();
    assertThat(m.result().modalityFindings()).containsKeys("imaging", "wearable", "genomics");
    assertThat(m.keyId()).isEqualTo(MULTIMODAL);

    for (TaskOutcome<?> o : List.of(text, r, g, s, b.items().get(0).outcome(), m)) {
      assertThat(o.tokens().total()).isPositive();
      assertThat(o.cost()).isCloseTo(o.tokens().total() * hospital.config(o.keyId()).costPerToken(), offset(1e-12));
      assertThat(o.attempts()).isEqualTo(1);
      assertThat(o.toString()).doesNotContain("nvapi-");
    }
    assertThat(hospital.simulator.witness().entries()).allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
  }

  @Test
  void anyTaskTypeRunsAsCheapLowPriorityBatchWorkOrWithItsTextRelayed() {
    hospital = new SimulatedHospital().start();
    CountingGateway gateway = new CountingGateway(NvidiaGateway.create(hospital.keyTriage));
    service = ClinicalAiService.builder(hospital.keyTriage).gateway(gateway).build();

    assertThat(service.handles(TaskTypes.MEDICAL_TEXT_ANALYSIS)).isTrue();
    assertThat(service.handles("no_such_task")).isFalse();
    assertThat(service.taskTypes()).containsAll(BuiltInTaskHandlers.ALL);
    assertThat(service.validate(TaskTypes.GENOMICS_ANALYSIS, Map.of())).extracting(e -> e.field())
        .contains("variants");
    assertThat(service.validate(TaskTypes.MEDICAL_TEXT_ANALYSIS, SampleInputs.medicalText())).isEmpty();

    var item = service.runBatchItem(TaskTypes.MEDICAL_TEXT_ANALYSIS, SampleInputs.medicalText());
    assertThat(item.structured()).isTrue();
    assertThat(item.keyId()).isEqualTo(MEDICAL);
    RoutingHints batchHints = gateway.hints.get(gateway.hints.size() - 1);
    assertThat(batchHints.costSensitive()).isTrue();
    assertThat(batchHints.clinicalPriority()).isEqualTo(ClinicalPriority.LOW);

    List<String> deltas = Collections.synchronizedList(new ArrayList<>());
    var streamed = service.run(TaskTypes.STREAMING_INSIGHTS, SampleInputs.streaming(), deltas::add);
    assertThat(deltas).hasSizeGreaterThan(2);
    assertThat(streamed.result().fields()).containsKey("insight");
    assertThat(gateway.hints.get(gateway.hints.size() - 1).clinicalPriority())
        .as("an interactive call keeps the handler's hints").isNotEqualTo(ClinicalPriority.LOW);
    assertThatThrownBy(() -> service.runBatchItem(TaskTypes.MEDICAL_TEXT_ANALYSIS, Map.of()))
        .isInstanceOf(InvalidTaskInputException.class);
    gateway.close();
  }

  @Test
  void theMultimodalCallIsOneVisionRequestWithItsImages() {
    start();
    hospital.simulator.witness().clear();

    TaskOutcome<MultimodalAssessment> m = service.fuseModalities(
        List.of(SampleInputs.PNG_DATA_URL), "HRV reduced", null, null);

    List<WitnessEntry> seen = hospital.simulator.witness().entries(MULTIMODAL);
    assertThat(seen).hasSize(1);
    // the simulator counts 85 prompt tokens per image part: the image went in the same request
    assertThat(m.tokens().prompt()).isGreaterThan(85);
  }

  @Test
  void aStreamingCallRelaysTheAnswerAsItArrives() {
    start();
    List<String> deltas = Collections.synchronizedList(new ArrayList<>());
    boolean[] done = new boolean[1];

    TaskOutcome<StreamingInsight> outcome = service.streamInsights(
        SampleInputs.streaming().get("data"), null, new InsightListener() {
          @Override
          public void onText(String delta) {
            deltas.add(delta);
          }

          @Override
          public void onDone() {
            done[0] = true;
          }
        });

    assertThat(deltas).hasSizeGreaterThan(2).allSatisfy(d -> assertThat(d).isNotEmpty());
    assertThat(done[0]).isTrue();
    Object relayed = parse(String.join("", deltas));
    assertThat(StreamingInsight.fromFields((Map<?, ?>) relayed, true)).isEqualTo(outcome.result());
    assertThat(outcome.tokens().counted()).as("the simulator's usage chunk was read").isFalse();
  }

  @Test
  void aBatchOf200CompletesWithBoundedConcurrencyAndItsCostIsTheSumOfItsItems() {
    hospital = new SimulatedHospital()
        .behaviour(BATCH, KeyBehaviour.builder().latencyMs(15).build())
        .start();
    CountingGateway gateway = new CountingGateway(NvidiaGateway.create(hospital.keyTriage));
    service = ClinicalAiService.builder(hospital.keyTriage).gateway(gateway).batchConcurrency(4).build();

    BatchOutcome batch = service.processBatch(SampleInputs.batchTexts(200));

    assertThat(batch.items()).hasSize(200);
    assertThat(batch.succeeded()).isEqualTo(200);
    for (int i = 0; i < 200; i++) {
      assertThat(batch.items().get(i).index()).isEqualTo(i);
      assertThat(batch.items().get(i).outcome().result().structured()).isTrue();
    }
    double itemSum = batch.items().stream().mapToDouble(BatchItemOutcome::cost).sum();
    assertThat(batch.totalCost()).isCloseTo(itemSum, offset(1e-12));
    long witnessedTokens = hospital.simulator.witness().entries(BATCH).stream()
        .mapToLong(WitnessEntry::tokens).sum();
    assertThat(batch.totalTokens()).isEqualTo(witnessedTokens);
    assertThat(batch.totalCost())
        .isCloseTo(witnessedTokens * SimulatedHospital.BATCH_COST_PER_TOKEN, offset(1e-9));
    MetricsSnapshot metrics = service.getApiKeyMetrics();
    assertThat(metrics.taskMetrics().get(TaskTypes.BATCH_PROCESSING).totalCost())
        .isCloseTo(batch.totalCost(), offset(1e-9));
    assertThat(metrics.taskMetrics().get(TaskTypes.BATCH_PROCESSING).totalRequests()).isEqualTo(200);
    assertThat(batch.itemsPerKey()).containsExactly(Map.entry(BATCH, 200L));

    assertThat(gateway.maxInFlight.get()).isBetween(2, 4);
    assertThat(gateway.hints).hasSize(200).allSatisfy(h -> {
      assertThat(h.costSensitive()).isTrue();
      assertThat(h.clinicalPriority()).isEqualTo(ClinicalPriority.LOW);
      assertThat(h.estimatedTokens()).isPositive();
    });
    gateway.close();
  }

  @Test
  void everyTaskGoesOnlyToItsKeysOrToTheBackup() {
    hospital = new SimulatedHospital()
        .behaviour(GENOMICS, KeyBehaviour.builder().always429(true).build())
        .start();
    service = ClinicalAiService.builder(hospital.keyTriage).build();

    for (int i = 0; i < 3; i++) {
      service.analyzeMedicalText("Headache and photophobia for two days.", null);
      service.generateDiagnosticReport(Map.of("age", 30), "CT head normal.");
      service.streamInsights("HR 80 stable", null, d -> { });
      service.fuseModalities(null, "Steps down 40 percent", "no variants", null);
    }
    service.processBatch(SampleInputs.batchTexts(5));
    TaskOutcome<GenomicsAnalysis> g = service.analyzeGenomicsData(SampleInputs.genomics());

    assertThat(g.keyId()).as("the genomics key answers 429: the backup steps in").isEqualTo(BACKUP);
    assertThat(g.attempts()).isEqualTo(2);
    Map<String, Map<String, Long>> distribution = service.getApiKeyMetrics().taskDistribution();
    assertThat(distribution.get(TaskTypes.MEDICAL_TEXT_ANALYSIS)).containsOnlyKeys(MEDICAL);
    assertThat(distribution.get(TaskTypes.DIAGNOSTIC_REPORT_GENERATION)).containsOnlyKeys(MEDICAL);
    assertThat(distribution.get(TaskTypes.STREAMING_INSIGHTS)).containsOnlyKeys(STREAMING);
    assertThat(distribution.get(TaskTypes.MULTIMODAL_FUSION)).containsOnlyKeys(MULTIMODAL);
    assertThat(distribution.get(TaskTypes.BATCH_PROCESSING)).containsOnlyKeys(BATCH);
    assertThat(distribution.get(TaskTypes.GENOMICS_ANALYSIS).keySet()).isSubsetOf(GENOMICS, BACKUP);
    distribution.forEach((task, perKey) -> perKey.keySet().forEach(key ->
        assertThat(hospital.config(key).serves(task)).as("%s serves %s", key, task).isTrue()));
    assertThat(hospital.simulator.witness().entries(GENOMICS))
        .allSatisfy(e -> assertThat(e.status()).isEqualTo(429));
    assertThat(service.healthCheck().status()).isNotBlank();
    assertThat(service.optimizeApiKeyAllocation().optimizationScore()).isBetween(0, 100);
  }

  @Test
  void invalidInputThrowsWithFieldErrorsAndSendsNothing() {
    start();

    assertThatThrownBy(() -> service.analyzeMedicalText("  ", null))
        .isInstanceOf(InvalidTaskInputException.class)
        .satisfies(e -> {
          InvalidTaskInputException ex = (InvalidTaskInputException) e;
          assertThat(ex.taskType()).isEqualTo(TaskTypes.MEDICAL_TEXT_ANALYSIS);
          assertThat(ex.errors()).extracting(f -> f.field()).containsExactly("text");
        });
    assertThatThrownBy(() -> service.processBatch(List.of("ok", "", "fine", "x".repeat(100_001))))
        .isInstanceOf(InvalidTaskInputException.class)
        .hasMessageContaining("items[1].text")
        .hasMessageContaining("items[3].text")
        .hasMessageNotContaining("xxxx");
    assertThatThrownBy(() -> service.analyzeGenomicsData(Map.of("variants", List.of(Map.of("gene", "APOE")))))
        .isInstanceOf(InvalidTaskInputException.class)
        .hasMessageContaining("variants[0].rsid");
    assertThatThrownBy(() -> service.fuseModalities(List.of(), null, null, "question"))
        .isInstanceOf(InvalidTaskInputException.class);

    assertThat(hospital.simulator.witness().entries()).isEmpty();
    assertThat(service.getApiKeyMetrics().totalRequests()).isZero();
  }

  @Test
  void handlerSettingsReachTheRequestAndBadOnesFailAtBuild() {
    hospital = new SimulatedHospital().start();
    CountingGateway gateway = new CountingGateway(NvidiaGateway.create(hospital.keyTriage));
    service = ClinicalAiService.builder(hospital.keyTriage).gateway(gateway)
        .handlerSettings(TaskTypes.MEDICAL_TEXT_ANALYSIS,
            Map.of("model", "nvidia/llama-3.1-nemotron-70b-instruct", "max_tokens", "32"))
        .build();

    TaskOutcome<MedicalTextAnalysis> r = service.analyzeMedicalText("Chest pain on exertion.", null);

    assertThat(gateway.models).containsExactly("nvidia/llama-3.1-nemotron-70b-instruct");
    assertThat(r.tokens().completion()).isLessThanOrEqualTo(32);
    assertThatThrownBy(() -> ClinicalAiService.builder(hospital.keyTriage)
        .handlerSettings(TaskTypes.GENOMICS_ANALYSIS, Map.of("temperature", "9")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("temperature");
    assertThatThrownBy(() -> ClinicalAiService.builder(hospital.keyTriage)
        .handlerSettings("no_such_task", Map.of()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No task handler for task: no_such_task");
    gateway.close();
  }

  @Test
  void runDrivesAnyTaskTypeByName() {
    start();

    TaskOutcome<org.keytriage.spi.TaskResult> r =
        service.run(TaskTypes.BATCH_PROCESSING, Map.of("text", "Visit note."));

    assertThat(r.result().structured()).isTrue();
    assertThat(BatchSummary.from(r.result()).summary()).isNotBlank();
    assertThat(service.getApiKeyMetrics().totalRequests()).isEqualTo(1);
  }

  private static Object parse(String json) {
    try {
      return JsonTrees.parse(json);
    } catch (Exception e) {
      throw new AssertionError("relayed text is not the JSON answer", e);
    }
  }
}
