package org.keytriage.clinical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.accounting.HealthReport;
import org.keytriage.core.accounting.MetricsSnapshot;
import org.keytriage.core.accounting.OptimizationReport;
import org.keytriage.core.batch.Batch;
import org.keytriage.core.batch.BatchRunner;
import org.keytriage.core.batch.GatewayItems;
import org.keytriage.core.batch.ItemResult;
import org.keytriage.core.events.Origin;
import org.keytriage.core.gateway.Call;
import org.keytriage.core.gateway.Gateway;
import org.keytriage.core.gateway.InvalidTaskInputException;
import org.keytriage.core.gateway.TaskCall;
import org.keytriage.core.gateway.TaskOutcome;
import org.keytriage.core.gateway.TextListener;
import org.keytriage.spi.FieldError;
import org.keytriage.spi.TaskInput;
import org.keytriage.spi.TaskResult;
import org.keytriage.tasks.BuiltInTaskHandlers;
import org.keytriage.tasks.results.BatchSummary;
import org.keytriage.tasks.results.DiagnosticReport;
import org.keytriage.tasks.results.GenomicsAnalysis;
import org.keytriage.tasks.results.MedicalTextAnalysis;
import org.keytriage.tasks.results.MultimodalAssessment;
import org.keytriage.tasks.results.StreamingInsight;

/**
 * The guide's {@code NVIDIAEnhancedService} for Java library users: one method per task type, each
 * routed to a key configured for that task, plus the guide's metrics, optimisation and health
 * calls. Thread-safe.
 *
 * <pre>{@code
 * try (KeyTriage kt = KeyTriage.fromWorkingDirectory(Path.of("."));
 *     ClinicalAiService service = ClinicalAiService.builder(kt).build()) {
 *   TaskOutcome<MedicalTextAnalysis> r =
 *       service.analyzeMedicalText("Patient presents with memory loss...", "diagnostic_evaluation");
 *   r.result().symptoms(); r.keyId(); r.cost();
 * }
 * }</pre>
 *
 * <p>Each call is a {@link TaskCall} through the engine's {@link Gateway}: the task's handler
 * validates the input (a bad input throws {@link InvalidTaskInputException} before anything is
 * spent), builds the NVIDIA request and its routing hints; the gateway picks the key, calls, fails
 * over and books tokens and cost; the handler reads the answer, which this service types. Handler
 * settings ({@code model}, {@code max_tokens}, ...) are the engine's: {@link
 * KeyTriage.Builder#handlerSettings}. Failures are the gateway's {@link
 * org.keytriage.core.errors.KeyTriageException}s.
 */
public final class ClinicalAiService implements AutoCloseable {
  /** Default for {@link Builder#batchConcurrency(int)}. */
  public static final int DEFAULT_BATCH_CONCURRENCY = 8;

  private final KeyTriage keyTriage;
  private final Gateway gateway;
  private final int batchConcurrency;

  private ClinicalAiService(Builder b) {
    this.keyTriage = b.keyTriage;
    this.gateway = b.gateway != null ? b.gateway : keyTriage.gateway();
    this.batchConcurrency = b.batchConcurrency;
  }

  /** A builder over an engine the caller owns (this service never closes it). */
  public static Builder builder(KeyTriage keyTriage) {
    return new Builder(keyTriage);
  }

  /**
   * The guide's {@code analyze_medical_text}: symptoms, findings and a summary.
   *
   * @param text clinical text, at most {@value BuiltInTaskHandlers#MAX_TEXT_CHARS} characters
   * @param context what the analysis is for, e.g. {@code diagnostic_evaluation}; may be null
   */
  public TaskOutcome<MedicalTextAnalysis> analyzeMedicalText(String text, String context) {
    Map<String, Object> input = new LinkedHashMap<>();
    put(input, "text", text);
    put(input, "context", context);
    return run(BuiltInTaskHandlers.MEDICAL_TEXT_ANALYSIS, input, null).map(MedicalTextAnalysis::from);
  }

  /**
   * The guide's {@code generate_diagnostic_report}: summary, findings, impression and
   * recommendations.
   *
   * @param patientData the patient's data as a JSON-like object tree
   * @param diagnosticResults the results: an object tree, a list or text
   */
  public TaskOutcome<DiagnosticReport> generateDiagnosticReport(
      Map<String, ?> patientData, Object diagnosticResults) {
    Map<String, Object> input = new LinkedHashMap<>();
    put(input, "patient_data", patientData);
    put(input, "diagnostic_results", diagnosticResults);
    return run(BuiltInTaskHandlers.DIAGNOSTIC_REPORT_GENERATION, input, null).map(DiagnosticReport::from);
  }

  /**
   * The guide's {@code analyze_genomics_data}: variant interpretations and a polygenic risk score
   * computed locally from the effect weights.
   *
   * @param genomicsData {@code {"variants": [{gene, rsid, genotype, effect_allele?,
   *     effect_weight?}], "context"?}} as described in {@link BuiltInTaskHandlers}
   */
  public TaskOutcome<GenomicsAnalysis> analyzeGenomicsData(Map<String, ?> genomicsData) {
    return run(BuiltInTaskHandlers.GENOMICS_ANALYSIS, genomicsData == null ? Map.of() : genomicsData, null)
        .map(GenomicsAnalysis::from);
  }

  /**
   * Streams an insight on live readings to {@code listener} as the model writes it, on a
   * latency-sensitive route, and returns the assembled result once the stream has ended.
   *
   * @param data the latest readings: text, or a JSON-like object tree or list
   * @param context what is being monitored; may be null
   * @throws org.keytriage.core.upstream.StreamBrokenException the stream broke after text had been
   *     relayed (the listener got {@link TextListener#onError})
   */
  public TaskOutcome<StreamingInsight> streamInsights(Object data, String context, TextListener listener) {
    Objects.requireNonNull(listener, "listener");
    Map<String, Object> input = new LinkedHashMap<>();
    put(input, "data", data);
    put(input, "context", context);
    return run(BuiltInTaskHandlers.STREAMING_INSIGHTS, input, listener).map(StreamingInsight::from);
  }

  /**
   * Fuses imaging, wearable and genomic data in one vision-language request.
   *
   * @param images up to {@value BuiltInTaskHandlers#MAX_IMAGES} {@code https} or {@code
   *     data:image/...;base64} URLs; may be null or empty
   * @param wearableSummary a wearable time-series summary: text or an object tree; may be null
   * @param genomicSummary a genomic summary: text or an object tree; may be null
   * @param clinicalQuestion what the clinician wants to know; may be null
   */
  public TaskOutcome<MultimodalAssessment> fuseModalities(
      List<String> images, Object wearableSummary, Object genomicSummary, String clinicalQuestion) {
    Map<String, Object> input = new LinkedHashMap<>();
    put(input, "images", images);
    put(input, "wearable_summary", wearableSummary);
    put(input, "genomic_summary", genomicSummary);
    put(input, "clinical_question", clinicalQuestion);
    return run(BuiltInTaskHandlers.MULTIMODAL_FUSION, input, null).map(MultimodalAssessment::from);
  }

  /** {@link #processBatch(List, String)} with the default instruction (summarise each record). */
  public BatchOutcome processBatch(List<String> items) {
    return processBatch(items, null);
  }

  /**
   * Processes every item as its own {@code batch_processing} request, at most {@link
   * Builder#batchConcurrency(int)} at a time, through the engine's batch engine. Each request is
   * batch work: cost-sensitive and LOW priority, so cheaper keys serve it and urgent work goes
   * first. All items are validated before any is sent; an item that then fails upstream is reported
   * in its {@link BatchItemOutcome} and the others go on.
   *
   * @param instruction what to do with each record; null for the default (summarise)
   * @throws InvalidTaskInputException when any item is invalid; fields are named {@code
   *     items[i].text}
   */
  public BatchOutcome processBatch(List<String> items, String instruction) {
    Objects.requireNonNull(items, "items");
    String type = BuiltInTaskHandlers.BATCH_PROCESSING;
    List<Map<String, Object>> inputs = new ArrayList<>(items.size());
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> input = new LinkedHashMap<>();
      put(input, "text", items.get(i));
      put(input, "instruction", instruction);
      for (FieldError e : gateway.validate(new TaskCall(type, TaskInput.of(input), Origin.BATCH, null, null))) {
        errors.add(new FieldError("items[" + i + "]." + e.field(), e.message()));
      }
      inputs.add(input);
    }
    if (!errors.isEmpty()) {
      throw new InvalidTaskInputException(type, errors);
    }
    return new BatchOutcome(runAll(type, inputs));
  }

  private List<BatchItemOutcome> runAll(String type, List<Map<String, Object>> inputs) {
    if (inputs.isEmpty()) {
      return List.of();
    }
    Batch batch = new Batch("library-batch", Call.LIBRARY_CALLER, type, inputs, keyTriage.clock());
    CountDownLatch finished = new CountDownLatch(1);
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(batchConcurrency, inputs.size()), new BatchThreads());
    try {
      new BatchRunner(pool, batchConcurrency, new GatewayItems(gateway, Call.LIBRARY_CALLER), b -> finished.countDown())
          .start(batch);
      finished.await();
    } catch (InterruptedException e) {
      batch.cancel();
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
    }
    List<BatchItemOutcome> out = new ArrayList<>(inputs.size());
    for (ItemResult r : batch.results()) {
      out.add(r.succeeded()
          ? new BatchItemOutcome(r.index(), r.outcome().map(BatchSummary::from), null, null)
          : new BatchItemOutcome(r.index(), null, r.errorCode(), r.errorMessage()));
    }
    return out;
  }

  /**
   * Runs any task type with a handler (a vendor's too) on an input tree; the result is the
   * handler's field tree. A streaming task's chunks are not relayed.
   */
  public TaskOutcome<TaskResult> run(String taskType, Map<String, ?> input) {
    return run(taskType, input, null);
  }

  /**
   * {@link #run(String, Map)} that relays a streaming task's text to {@code listener} as the model
   * writes it (a non-streaming task answers in one piece and the listener hears nothing).
   *
   * @throws org.keytriage.core.upstream.StreamBrokenException the stream broke after text had been
   *     relayed (the listener got {@link TextListener#onError})
   */
  public TaskOutcome<TaskResult> run(String taskType, Map<String, ?> input, TextListener listener) {
    return gateway.run(TaskCall.of(taskType, input).withListener(listener));
  }

  /**
   * Runs one item of a batch of any task type: like {@link #run(String, Map)}, but routed as batch
   * work (cost-sensitive, LOW priority) whatever the handler asked.
   */
  public TaskOutcome<TaskResult> runBatchItem(String taskType, Map<String, ?> input) {
    return gateway.run(TaskCall.of(taskType, input).from(Origin.BATCH, Call.LIBRARY_CALLER));
  }

  /**
   * Checks an input with the task's handler, sending nothing.
   *
   * @return one error per bad field (never echoing a value); empty when the input is valid
   * @throws org.keytriage.core.routing.UnknownTaskTypeException for a task type without a handler
   */
  public List<FieldError> validate(String taskType, Map<String, ?> input) {
    return gateway.validate(TaskCall.of(taskType, input));
  }

  /** Whether a handler (built-in or a vendor's) serves {@code taskType}. */
  public boolean handles(String taskType) {
    return taskType != null && gateway.taskHandlerTypes().contains(taskType);
  }

  /** The task types a handler serves. */
  public Set<String> taskTypes() {
    return gateway.taskHandlerTypes();
  }

  /** The guide's {@code get_api_key_metrics()}; {@code toJson()} gives the guide's shape. */
  public MetricsSnapshot getApiKeyMetrics() {
    return keyTriage.metrics();
  }

  /** The guide's {@code optimize_api_key_allocation()}. */
  public OptimizationReport optimizeApiKeyAllocation() {
    return keyTriage.optimize();
  }

  /** The guide's {@code health_check()}. */
  public HealthReport healthCheck() {
    return keyTriage.health();
  }

  /** Nothing to release: the engine owns the gateway; kept so try-with-resources code still reads well. */
  @Override
  public void close() {}

  private static void put(Map<String, Object> input, String name, Object value) {
    if (value != null) {
      input.put(name, value);
    }
  }

  /** Daemon threads, so an abandoned batch never keeps a JVM alive. */
  private static final class BatchThreads implements ThreadFactory {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private final int pool = POOLS.incrementAndGet();
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "keytriage-batch-" + pool + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }

  /**
   * Builder. Defaults: the engine's own {@link KeyTriage#gateway()}; batch concurrency {@value
   * ClinicalAiService#DEFAULT_BATCH_CONCURRENCY}.
   */
  public static final class Builder {
    private final KeyTriage keyTriage;
    private Gateway gateway;
    private int batchConcurrency = DEFAULT_BATCH_CONCURRENCY;

    private Builder(KeyTriage keyTriage) {
      this.keyTriage = Objects.requireNonNull(keyTriage, "keyTriage");
    }

    /** Sends through another gateway than the engine's, e.g. one decorated by the caller. */
    public Builder gateway(Gateway value) {
      this.gateway = value;
      return this;
    }

    /** How many batch items are in flight at once; at least 1. */
    public Builder batchConcurrency(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("batchConcurrency must be >= 1, was " + value);
      }
      this.batchConcurrency = value;
      return this;
    }

    public ClinicalAiService build() {
      return new ClinicalAiService(this);
    }
  }
}
