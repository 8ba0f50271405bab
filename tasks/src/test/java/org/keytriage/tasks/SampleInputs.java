package org.keytriage.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Valid, synthetic inputs for every built-in task type (no real patient data anywhere). */
public final class SampleInputs {
  /** A 1x1 transparent PNG. */
  public static final String PNG_DATA_URL =
      "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

  private SampleInputs() {}

  public static Map<String, Object> medicalText() {
    return map("text", "Patient presents with memory loss and confusion over three months; "
        + "MMSE score 22 of 30; no focal neurological deficit.",
        "context", "diagnostic_evaluation");
  }

  public static Map<String, Object> medicalTextOnly() {
    return map("text", "Persistent cough for two weeks, afebrile, lungs clear on auscultation.");
  }

  public static Map<String, Object> diagnosticReport() {
    return map(
        "patient_data", map("age", 71, "sex", "female", "history", List.of("hypertension", "type 2 diabetes")),
        "diagnostic_results", map("mri", "mild hippocampal atrophy", "mmse", 22, "amyloid_pet", "positive"));
  }

  public static Map<String, Object> diagnosticReportWithTextResults() {
    return map("patient_data", map("age", 45),
        "diagnostic_results", "Chest radiograph: no consolidation, normal cardiac silhouette.");
  }

  public static Map<String, Object> genomics() {
    return map("variants", List.of(
            variant("APOE", "rs429358", "C/T", "C", 0.8),
            variant("APOE", "rs7412", "C/C", "T", -0.5),
            map("gene", "CYP2C19", "rsid", "rs4244285", "genotype", "G|A")),
        "context", "memory clinic work-up");
  }

  public static Map<String, Object> genomicsUnweighted() {
    return map("variants", List.of(map("gene", "BRCA1", "rsid", "rs80357906", "genotype", "A/A")));
  }

  public static Map<String, Object> variant(
      String gene, String rsid, String genotype, String effectAllele, Object weight) {
    return map("gene", gene, "rsid", rsid, "genotype", genotype, "effect_allele", effectAllele,
        "effect_weight", weight);
  }

  public static Map<String, Object> streaming() {
    return map("data", map("heart_rate", List.of(88, 96, 112, 121), "spo2", List.of(97, 95, 93, 91),
        "interval_seconds", 60), "context", "post-operative ward monitoring");
  }

  public static Map<String, Object> streamingText() {
    return map("data", "HR 121 bpm rising over ten minutes, SpO2 91 percent falling.");
  }

  public static Map<String, Object> batchItem() {
    return map("text", "Discharge summary: admitted with community-acquired pneumonia, "
        + "treated with amoxicillin, discharged on day four.",
        "instruction", "Summarise for a population study of pneumonia admissions.");
  }

  public static Map<String, Object> batchItemTextOnly() {
    return map("text", "Outpatient visit: blood pressure 150/95, medication adjusted.");
  }

  public static Map<String, Object> multimodal() {
    return map("images", List.of(PNG_DATA_URL, "https://imaging.example.org/studies/1/frame.png"),
        "wearable_summary", map("resting_hr_trend", "rising", "sleep_hours_avg", 5.2, "steps_avg", 2100),
        "genomic_summary", "APOE e3/e4 carrier",
        "clinical_question", "Is there evidence of early neurodegeneration?");
  }

  public static Map<String, Object> multimodalNoImages() {
    return map("wearable_summary", "Nocturnal heart rate variability reduced for six weeks.");
  }

  /** A few items for a batch. */
  public static List<String> batchTexts(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("Record " + i + ": follow-up visit, blood pressure " + (120 + i % 40) + "/80, stable.");
    }
    return out;
  }

  /** A mutable map from key-value pairs, in order. */
  public static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
