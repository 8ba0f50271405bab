package org.keytriage.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keytriage.tasks.SampleInputs.map;
import static org.keytriage.tasks.internal.Handlers.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keytriage.spi.ClinicalPriority;
import org.keytriage.spi.TaskHandler;
import org.keytriage.spi.TaskInput;
import org.keytriage.spi.TaskResult;
import org.keytriage.tasks.SampleInputs;
import org.keytriage.tasks.results.DiagnosticReport;

class DiagnosticReportHandlerTest {
  private final TaskHandler handler = Handlers.create(new DiagnosticReportHandlerFactory());

  @Test
  void missingFields() {
    assertThat(errors(handler, Map.of())).containsOnlyKeys("patient_data", "diagnostic_results");
  }

  @Test
  void wrongTypes() {
    assertThat(errors(handler, map("patient_data", "a string", "diagnostic_results", 7)))
        .containsEntry("patient_data", "must be an object")
        .containsEntry("diagnostic_results", "must be a string, an object or an array");
    assertThat(errors(handler, map("patient_data", map("age", Double.NaN), "diagnostic_results", "ok")))
        .containsEntry("patient_data.age", "must be a finite number");
    assertThat(errors(handler, map("patient_data", map("x", new Object()), "diagnostic_results", "ok")))
        .containsOnlyKeys("patient_data.x");
  }

  @Test
  void oversizeAndTooDeep() {
    assertThat(errors(handler, map("patient_data", map("notes", "n".repeat(100_000)),
        "diagnostic_results", List.of("r"))))
        .containsEntry("patient_data", "is too large: at most 100000 characters as JSON");
    Map<String, Object> deep = map();
    Map<String, Object> at = deep;
    for (int i = 0; i < 40; i++) {
      Map<String, Object> next = map();
      at.put("k", next);
      at = next;
    }
    assertThat(errors(handler, map("patient_data", deep, "diagnostic_results", "r")).values())
        .containsExactly("is nested too deeply: at most 32 levels");
  }

  @Test
  void aCyclicTreeIsAnErrorNotAStackOverflow() {
    List<Object> cyclic = new ArrayList<>();
    cyclic.add(cyclic);
    assertThat(errors(handler, map("patient_data", map("a", cyclic), "diagnostic_results", cyclic)))
        .containsEntry("patient_data.a[0]", "must not contain itself")
        .containsEntry("diagnostic_results[0]", "must not contain itself");
  }

  @Test
  void promptCarriesBothAsJsonAndHintsAreHighPriority() {
    String user = Handlers.userText(handler, SampleInputs.diagnosticReport());
    assertThat(user).contains("{\"age\":71,\"sex\":\"female\"").contains("\"amyloid_pet\":\"positive\"");
    assertThat(Handlers.systemPrompt(handler, SampleInputs.diagnosticReport()))
        .startsWith("Task: diagnostic_report_generation\n").contains("\"impression\": string");
    assertThat(handler.routingHints(TaskInput.of(SampleInputs.diagnosticReport())).clinicalPriority())
        .isEqualTo(ClinicalPriority.HIGH);
    assertThat(handler.buildRequest(TaskInput.of(SampleInputs.diagnosticReport())).body())
        .containsEntry("max_tokens", 2048);
  }

  @Test
  void parsesSectionsAndTakesAStringFindingAsOneItem() {
    TaskResult result = handler.parseResponse(TaskInput.of(SampleInputs.diagnosticReport()),
        ModelAnswers.of("{\"summary\": \"S\", \"findings\": \"Atrophy\", \"impression\": [\"A\", \"B\"],"
            + " \"recommendations\": [\"R1\", \"R2\"]}"));

    DiagnosticReport report = DiagnosticReport.from(result);
    assertThat(result.structured()).isTrue();
    assertThat(report.findings()).containsExactly("Atrophy");
    assertThat(report.impression()).isEqualTo("A; B");
    assertThat(report.recommendations()).containsExactly("R1", "R2");
  }
}
