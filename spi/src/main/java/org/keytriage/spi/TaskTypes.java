package org.keytriage.spi;

import java.util.List;
import java.util.Set;

/** The task type ids of the guide. Plugins may add more; these six are always known. */
public final class TaskTypes {
  public static final String MEDICAL_TEXT_ANALYSIS = "medical_text_analysis";
  public static final String DIAGNOSTIC_REPORT_GENERATION = "diagnostic_report_generation";
  public static final String GENOMICS_ANALYSIS = "genomics_analysis";
  public static final String STREAMING_INSIGHTS = "streaming_insights";
  public static final String BATCH_PROCESSING = "batch_processing";
  public static final String MULTIMODAL_FUSION = "multimodal_fusion";

  /** The six built-in ids, in the guide's order. */
  public static final List<String> BUILT_IN =
      List.of(
          MEDICAL_TEXT_ANALYSIS,
          DIAGNOSTIC_REPORT_GENERATION,
          GENOMICS_ANALYSIS,
          STREAMING_INSIGHTS,
          BATCH_PROCESSING,
          MULTIMODAL_FUSION);

  private static final Set<String> BUILT_IN_SET = Set.copyOf(BUILT_IN);

  private TaskTypes() {}

  public static boolean isBuiltIn(String taskType) {
    return BUILT_IN_SET.contains(taskType);
  }
}
