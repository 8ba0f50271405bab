package org.keytriage.web.it;

/** Synthetic JSON inputs for the typed task API (no real patient data anywhere). */
final class TypedInputs {
  static final String PNG_DATA_URL =
      "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

  static final String MEDICAL_TEXT = """
      {"text": "Synthetic patient presents with memory loss and confusion over three months; MMSE 22 of 30.",
       "context": "diagnostic_evaluation"}""";

  static final String DIAGNOSTIC_REPORT = """
      {"patient_data": {"age": 71, "sex": "female", "history": ["hypertension"]},
       "diagnostic_results": {"mri": "mild hippocampal atrophy", "mmse": 22}}""";

  static final String GENOMICS = """
      {"variants": [
         {"gene": "APOE", "rsid": "rs429358", "genotype": "C/T", "effect_allele": "C", "effect_weight": 0.8},
         {"gene": "APOE", "rsid": "rs7412", "genotype": "C/C", "effect_allele": "T", "effect_weight": -0.5}],
       "context": "memory clinic work-up"}""";

  static final String STREAMING = """
      {"data": {"heart_rate": [88, 96, 112, 121], "spo2": [97, 95, 93, 91]}, "context": "ward monitoring"}""";

  static final String MULTIMODAL = """
      {"images": ["%s"], "wearable_summary": {"resting_hr_trend": "rising"},
       "genomic_summary": "APOE e3/e4 carrier", "clinical_question": "Early neurodegeneration?"}"""
      .formatted(PNG_DATA_URL);

  private TypedInputs() {}

  static String batchItem(int i) {
    return "{\"text\": \"Synthetic record " + i + ": follow-up visit, blood pressure " + (120 + i % 40)
        + "/80, stable.\"}";
  }

  /** {@code {"task_type": "batch_processing", "items": [...]}} with {@code n} valid items. */
  static String batch(int n) {
    StringBuilder b = new StringBuilder("{\"task_type\": \"batch_processing\", \"items\": [");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append(batchItem(i));
    }
    return b.append("]}").toString();
  }
}
