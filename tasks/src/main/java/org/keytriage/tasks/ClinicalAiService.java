package org.keytriage.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.accounting.HealthReport;
import org.keytriage.core.accounting.MetricsSnapshot;
import org.keytriage.core.accounting.OptimizationReport;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.core.upstream.NvidiaGateway;
import org.keytriage.core.upstream.StreamListener;
import org.keytriage.core.upstream.StreamText;
import org.keytriage.spi.ClinicalPriority;
import org.keytriage.spi.FieldError;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskHandler;
import org.keytriage.spi.TaskHandlerFactory;
import org.keytriage.spi.TaskInput;
import org.keytriage.spi.TaskResult;
import org.keytriage.spi.UpstreamRequest;
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
 * <p>Each call: the task's {@link TaskHandler} (found by the engine's plugin registry, so a vendor
 * handler with a higher order replaces a built-in one) validates the input — a bad input throws
 * {@link InvalidTaskInputException} before anything is spent — builds the NVIDIA request and its
 * routing hints; the {@link NvidiaGateway} picks the key, calls, fails over and books tokens and
 * cost; the handler reads the answer into the typed result. Upstream failures propagate as the
 * gateway throws them ({@link org.keytriage.core.routing.NoAvailableKeyException}, {@link
 * org.keytriage.core.upstream.UpstreamClientErrorException}, ...).
 *
 * <p>This class lives in the tasks module, beside the handlers it drives, with the engine as an
 * optional dependency: the handlers themselves depend on the spi alone.
 */
public final class ClinicalAiService implements AutoCloseable {
  /** Default for {@link Builder#batchConcurrency(int)}. */
  public static final int DEFAULT_BATCH_CONCURRENCY = 8;

  private static final StreamListener IGNORE_CHUNKS = json -> {};

  private final KeyTriage keyTriage;
  private final NvidiaGateway gateway;
  private final boolean ownsGateway;
  private final int batchConcurrency;
  private final Map<String, Map<String, String>> settings;
  private final Map<String, TaskHandler> handlers = new ConcurrentHashMap<>();

  private ClinicalAiService(Builder b) {
    this.keyTriage = b.keyTriage;
    this.batchConcurrency = b.batchConcurrency;
    this.settings = Map.copyOf(b.settings);
    // bad settings should fail here, at start-up, not on the first patient's request
    this.settings.keySet().forEach(this::handler);
    this.ownsGateway = b.gateway == null;
    this.gateway = b.gateway != null ? b.gateway : NvidiaGateway.create(keyTriage);
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
    return run(BuiltInTaskHandlers.MEDICAL_TEXT_ANALYSIS, input, MedicalTextAnalysis::from);
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
    return run(BuiltInTaskHandlers.DIAGNOSTIC_REPORT_GENERATION, input, DiagnosticReport::from);
  }

  /**
   * The guide's {@code analyze_genomics_data}: variant interpretations and a polygenic risk score
   * computed locally from the effect weights.
   *
   * @param genomicsData {@code {"variants": [{gene, rsid, genotype, effect_allele?,
   *     effect_weight?}], "context"?}} as described in {@link BuiltInTaskHandlers}
   */
  public TaskOutcome<GenomicsAnalysis> analyzeGenomicsData(Map<String, ?> genomicsData) {
    return run(BuiltInTaskHandlers.GENOMICS_ANALYSIS,
        genomicsData == null ? Map.of() : genomicsData, GenomicsAnalysis::from);
  }

  /**
   * Streams an insight on live readings to {@code listener} as the model writes it, on a
   * latency-sensitive route, and returns the assembled result once the stream has ended.
   *
   * @param data the latest readings: text, or a JSON-like object tree or list
   * @param context what is being monitored; may be null
   * @throws org.keytriage.core.upstream.StreamBrokenException the stream broke after text had been
   *     relayed (the listener got {@link InsightListener#onError})
   */
  public TaskOutcome<StreamingInsight> streamInsights(
      Object data, String context, InsightListener listener) {
    Objects.requireNonNull(listener, "listener");
    Map<String, Object> input = new LinkedHashMap<>();
    put(input, "data", data);
    put(input, "context", context);
    return run(BuiltInTaskHandlers.STREAMING_INSIGHTS, input, StreamingInsight::from,
        new TextRelay(listener));
  }

  /** {@link #processBatch(List, String)} with the default instruction (summarise each record). */
  public BatchOutcome processBatch(List<String> items) {
    return processBatch(items, null);
  }

  /**
   * Processes every item as its own {@code batch_processing} request, at most {@link
   * Builder#batchConcurrency(int)} at a time. Each request tells the router it is cost-sensitive
   * and LOW priority, so cheaper keys serve it and urgent work goes first. All items are validated
   * before any is sent; an item that then fails upstream is reported in its {@link
   * BatchItemOutcome} and the others go on.
   *
   * @param instruction what to do with each record; null for the default (summarise)
   * @throws InvalidTaskInputException when any item is invalid; fields are named {@code
   *     items[i].text}
   */
  public BatchOutcome processBatch(List<String> items, String instruction) {
    Objects.requireNonNull(items, "items");
    TaskHandler handler = handler(BuiltInTaskHandlers.BATCH_PROCESSING);
    List<TaskInput> inputs = new ArrayList<>(items.size());
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> input = new LinkedHashMap<>();
      put(input, "text", items.get(i));
      put(input, "instruction", instruction);
      TaskInput taskInput = TaskInput.of(input);
      for (FieldError e : handler.validate(taskInput)) {
        errors.add(new FieldError("items[" + i + "]." + e.field(), e.message()));
      }
      inputs.add(taskInput);
    }
    if (!errors.isEmpty()) {
      throw new InvalidTaskInputException(BuiltInTaskHandlers.BATCH_PROCESSING, errors);
    }
    return new BatchOutcome(runAll(inputs));
  }

  private List<BatchItemOutcome> runAll(List<TaskInput> inputs) {
    if (inputs.isEmpty()) {
      return List.of();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(batchConcurrency, inputs.size()), new BatchThreads());
    try {
      List<Future<TaskOutcome<BatchSummary>>> futures = new ArrayList<>();
      for (TaskInput input : inputs) {
        futures.add(pool.submit(() ->
            run(BuiltInTaskHandlers.BATCH_PROCESSING, input, BatchSummary::from, null)));
      }
      List<BatchItemOutcome> out = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        out.add(await(i, futures.get(i)));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static BatchItemOutcome await(int index, Future<TaskOutcome<BatchSummary>> future) {
    try {
      return new BatchItemOutcome(index, future.get(), null);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      // gateway exceptions name task, key and status only, so their messages are safe to keep
      return new BatchItemOutcome(index, null,
          cause.getClass().getSimpleName() + ": " + cause.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new BatchItemOutcome(index, null, "interrupted before the item finished");
    }
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
    return run(BuiltInTaskHandlers.MULTIMODAL_FUSION, input, MultimodalAssessment::from);
  }

  /**
   * Runs any task type with a handler (a vendor's too) on an input tree; the result is the
   * handler's field tree. A streaming task's chunks are not relayed.
   */
  public TaskOutcome<TaskResult> run(String taskType, Map<String, ?> input) {
    return run(taskType, input, Function.identity());
  }

  /**
   * {@link #run(String, Map)} that relays a streaming task's text to {@code listener} as the model
   * writes it (a non-streaming task answers in one piece and the listener hears nothing).
   *
   * @throws org.keytriage.core.upstream.StreamBrokenException the stream broke after text had been
   *     relayed (the listener got {@link InsightListener#onError})
   */
  public TaskOutcome<TaskResult> run(String taskType, Map<String, ?> input, InsightListener listener) {
    Objects.requireNonNull(listener, "listener");
    return run(taskType, TaskInput.of(input), Function.identity(), new TextRelay(listener),
        UnaryOperator.identity());
  }

  /**
   * Runs one item of a batch of any task type: like {@link #run(String, Map)}, but the routing
   * hints say cost-sensitive and {@link ClinicalPriority#LOW} whatever the handler asked, so the
   * router prefers cheap keys and keeps the last part of each key's window for interactive work.
   */
  public TaskOutcome<TaskResult> runBatchItem(String taskType, Map<String, ?> input) {
    return run(taskType, TaskInput.of(input), Function.identity(), null, ClinicalAiService::asBatchWork);
  }

  /**
   * Checks an input with the task's handler, sending nothing.
   *
   * @return one error per bad field (never echoing a value); empty when the input is valid
   * @throws IllegalArgumentException for a task type without a handler
   */
  public List<FieldError> validate(String taskType, Map<String, ?> input) {
    return handler(taskType).validate(TaskInput.of(input));
  }

  /** Whether a handler (built-in or a vendor's) serves {@code taskType}. */
  public boolean handles(String taskType) {
    return taskType != null && keyTriage.taskHandlers().find(taskType).isPresent();
  }

  /** The task types a handler serves. */
  public Set<String> taskTypes() {
    return keyTriage.taskHandlers().ids();
  }

  private static RoutingHints asBatchWork(RoutingHints hints) {
    return hints.toBuilder().costSensitive(true).clinicalPriority(ClinicalPriority.LOW).build();
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

  /** Closes the gateway this service created; a gateway given to the builder is left open. */
  @Override
  public void close() {
    if (ownsGateway) {
      gateway.close();
    }
  }

  private <R> TaskOutcome<R> run(
      String taskType, Map<String, ?> fields, Function<TaskResult, R> typed) {
    return run(taskType, fields, typed, null);
  }

  private <R> TaskOutcome<R> run(
      String taskType, Map<String, ?> fields, Function<TaskResult, R> typed, StreamListener relay) {
    return run(taskType, TaskInput.of(fields), typed, relay);
  }

  private <R> TaskOutcome<R> run(
      String taskType, TaskInput input, Function<TaskResult, R> typed, StreamListener relay) {
    return run(taskType, input, typed, relay, UnaryOperator.identity());
  }

  private <R> TaskOutcome<R> run(String taskType, TaskInput input, Function<TaskResult, R> typed,
      StreamListener relay, UnaryOperator<RoutingHints> adjustHints) {
    TaskHandler handler = handler(taskType);
    List<FieldError> errors = handler.validate(input);
    if (!errors.isEmpty()) {
      throw new InvalidTaskInputException(taskType, errors);
    }
    UpstreamRequest request = handler.buildRequest(input);
    RoutingHints hints = adjustHints.apply(handler.routingHints(input));
    GatewayResponse response =
        request.streaming()
            ? gateway.stream(taskType, request, hints, relay != null ? relay : IGNORE_CHUNKS)
            : gateway.complete(taskType, request, hints);
    TaskResult result = handler.parseResponse(input, response.toUpstreamResponse());
    return new TaskOutcome<>(
        taskType,
        typed.apply(result),
        result,
        response.keyId(),
        response.tokens(),
        response.cost(),
        response.attempts(),
        response.latencyMillis());
  }

  private TaskHandler handler(String taskType) {
    return handlers.computeIfAbsent(taskType, t -> {
      TaskHandlerFactory factory =
          keyTriage.taskHandlers().find(t).orElseThrow(() -> new IllegalArgumentException(
              "No task handler for task: " + t + ". Known: " + keyTriage.taskHandlers().ids()
                  + " (is keytriage-tasks or the vendor's plugin on the class path?)"));
      // the registry's config carries the engine's JSON codec, which handlers parse answers with
      return factory.create(keyTriage.taskHandlers().config(settings.getOrDefault(t, Map.of())));
    });
  }

  private static void put(Map<String, Object> input, String name, Object value) {
    if (value != null) {
      input.put(name, value);
    }
  }

  /** Turns the gateway's raw chunks into the insight's text pieces. */
  private static final class TextRelay implements StreamListener {
    private final InsightListener listener;

    TextRelay(InsightListener listener) {
      this.listener = listener;
    }

    @Override
    public void onChunk(String json) {
      StreamText.of(json).ifPresent(listener::onText);
    }

    @Override
    public void onDone() {
      listener.onDone();
    }

    @Override
    public void onError(String message) {
      listener.onError(message);
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
   * Builder. Defaults: a gateway with {@link org.keytriage.core.upstream.UpstreamSettings#defaults()}
   * created (and closed) by the service; every handler with its default settings (see {@link
   * BuiltInTaskHandlers}); batch concurrency {@value ClinicalAiService#DEFAULT_BATCH_CONCURRENCY}.
   */
  public static final class Builder {
    private final KeyTriage keyTriage;
    private NvidiaGateway gateway;
    private int batchConcurrency = DEFAULT_BATCH_CONCURRENCY;
    private final Map<String, Map<String, String>> settings = new LinkedHashMap<>();

    private Builder(KeyTriage keyTriage) {
      this.keyTriage = Objects.requireNonNull(keyTriage, "keyTriage");
    }

    /**
     * Uses a gateway the caller owns (and closes), e.g. one shared with other code; it must be over
     * the same engine. Note that creating a gateway installs its routing guards in the engine.
     */
    public Builder gateway(NvidiaGateway value) {
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

    /**
     * Settings for one task type's handler, e.g. {@code model} or {@code max_tokens}; checked when
     * the service is built.
     */
    public Builder handlerSettings(String taskType, Map<String, String> values) {
      settings.put(Objects.requireNonNull(taskType, "taskType"), Map.copyOf(values));
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the setting when a handler setting is invalid, or for
     *     a task type without a handler
     */
    public ClinicalAiService build() {
      return new ClinicalAiService(this);
    }
  }
}
