package org.keytriage.tasks;

import java.util.List;
import org.keytriage.spi.TaskTypes;

/**
 * The ids, settings and input limits of the built-in task handlers. Each id is served by a {@link
 * org.keytriage.spi.TaskHandlerFactory} registered with {@link java.util.ServiceLoader}; the
 * implementations are internal. The results are described in {@link org.keytriage.tasks.results}.
 *
 * <h2>Inputs</h2>
 *
 * <p>Field names are the JSON names of a task's input (a {@link org.keytriage.spi.TaskInput});
 * unknown fields are ignored. "Text" means a non-blank string of at most {@value #MAX_TEXT_CHARS}
 * characters, "note" one of at most {@value #MAX_NOTE_CHARS}; an object or array given instead of
 * text may be at most {@value #MAX_TEXT_CHARS} characters as JSON.
 *
 * <ul>
 *   <li>{@value #MEDICAL_TEXT_ANALYSIS}: {@code text} (text, required), {@code context} (note).
 *   <li>{@value #DIAGNOSTIC_REPORT_GENERATION}: {@code patient_data} (object, required), {@code
 *       diagnostic_results} (object, array or text, required).
 *   <li>{@value #GENOMICS_ANALYSIS}: {@code variants} (1 to {@value #MAX_VARIANTS} objects,
 *       required) of {@code gene} (required, at most 64 characters), {@code rsid} (required, {@code
 *       rs} and digits), {@code genotype} (required, two alleles separated by {@code /} or {@code
 *       |}, each {@code A C G T} letters or {@code -}, e.g. {@code A/G}), {@code effect_allele} and
 *       {@code effect_weight} (a finite number; needs {@code effect_allele}); {@code context}
 *       (note). The polygenic risk score is computed locally: Σ effect_weight × copies of the
 *       effect allele in the genotype (see {@link org.keytriage.tasks.results.PolygenicRisk}).
 *   <li>{@value #STREAMING_INSIGHTS}: {@code data} (text, object or array, required: the live
 *       readings), {@code context} (note).
 *   <li>{@value #BATCH_PROCESSING}: one item per request: {@code text} (text, required), {@code
 *       instruction} (note; default: summarise the record).
 *   <li>{@value #MULTIMODAL_FUSION}: {@code images} (0 to {@value #MAX_IMAGES} strings, each an
 *       {@code https://} URL or a {@code data:image/png|jpeg|webp|gif;base64,} URL of at most
 *       {@value #MAX_DATA_URL_CHARS} characters), {@code wearable_summary} and {@code
 *       genomic_summary} (text or object), {@code clinical_question} (note); at least one of the
 *       three modalities is required.
 * </ul>
 *
 * <h2>Settings</h2>
 *
 * <p>Every handler takes {@value #SETTING_MODEL}, {@value #SETTING_TEMPERATURE} and {@value
 * #SETTING_MAX_TOKENS}; {@value #MULTIMODAL_FUSION} also {@value #SETTING_IMAGE_TOKENS}. Defaults:
 *
 * <table>
 *   <caption>Default settings per task type</caption>
 *   <tr><th>task type</th><th>model</th><th>temperature</th><th>max_tokens</th></tr>
 *   <tr><td>medical_text_analysis</td><td>meta/llama-3.1-70b-instruct</td><td>0.2</td><td>1024</td></tr>
 *   <tr><td>diagnostic_report_generation</td><td>meta/llama-3.1-70b-instruct</td><td>0.2</td><td>2048</td></tr>
 *   <tr><td>genomics_analysis</td><td>meta/llama-3.1-70b-instruct</td><td>0.1</td><td>1536</td></tr>
 *   <tr><td>streaming_insights</td><td>meta/llama-3.1-8b-instruct</td><td>0.3</td><td>512</td></tr>
 *   <tr><td>batch_processing</td><td>meta/llama-3.1-8b-instruct</td><td>0.2</td><td>512</td></tr>
 *   <tr><td>multimodal_fusion</td><td>meta/llama-3.2-11b-vision-instruct</td><td>0.2</td><td>1536</td></tr>
 * </table>
 *
 * <h2>Routing hints</h2>
 *
 * <p>{@value #STREAMING_INSIGHTS}: latency-sensitive and streaming; {@value #BATCH_PROCESSING}:
 * cost-sensitive, priority LOW; {@value #DIAGNOSTIC_REPORT_GENERATION}: priority HIGH; the others
 * NORMAL. Estimated tokens: ceil(prompt characters / 4) + {@code max_tokens}, plus {@value
 * #SETTING_IMAGE_TOKENS} per image.
 */
public final class BuiltInTaskHandlers {
  public static final String MEDICAL_TEXT_ANALYSIS = TaskTypes.MEDICAL_TEXT_ANALYSIS;
  public static final String DIAGNOSTIC_REPORT_GENERATION = TaskTypes.DIAGNOSTIC_REPORT_GENERATION;
  public static final String GENOMICS_ANALYSIS = TaskTypes.GENOMICS_ANALYSIS;
  public static final String STREAMING_INSIGHTS = TaskTypes.STREAMING_INSIGHTS;
  public static final String BATCH_PROCESSING = TaskTypes.BATCH_PROCESSING;
  public static final String MULTIMODAL_FUSION = TaskTypes.MULTIMODAL_FUSION;

  /** All six ids, in the guide's order. */
  public static final List<String> ALL = TaskTypes.BUILT_IN;

  /** The model id setting. */
  public static final String SETTING_MODEL = "model";

  /** The sampling temperature setting, 0 to 2. */
  public static final String SETTING_TEMPERATURE = "temperature";

  /** The completion budget setting, 1 to 32768. */
  public static final String SETTING_MAX_TOKENS = "max_tokens";

  /** Tokens reserved per image for {@value #MULTIMODAL_FUSION}; default 1024. */
  public static final String SETTING_IMAGE_TOKENS = "image_tokens";

  /** Longest text field, in characters. */
  public static final int MAX_TEXT_CHARS = 100_000;

  /** Longest short text field ({@code context}, {@code instruction}, {@code clinical_question}). */
  public static final int MAX_NOTE_CHARS = 2_000;

  /** Most variants in one genomics request. */
  public static final int MAX_VARIANTS = 500;

  /** Most images in one multimodal request. */
  public static final int MAX_IMAGES = 4;

  /**
   * Longest {@code data:} image URL, in characters (about 7.5 MB of image). NVIDIA's hosted API
   * accepts much less inline; larger images go by {@code https} reference or NVIDIA's asset upload.
   */
  public static final int MAX_DATA_URL_CHARS = 10_000_000;

  private BuiltInTaskHandlers() {}
}
