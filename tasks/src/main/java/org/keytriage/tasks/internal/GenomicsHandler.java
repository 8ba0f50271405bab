package org.keytriage.tasks.internal;

import static org.keytriage.tasks.BuiltInTaskHandlers.MAX_NOTE_CHARS;
import static org.keytriage.tasks.BuiltInTaskHandlers.MAX_VARIANTS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keytriage.spi.JsonCodec;
import org.keytriage.spi.TaskInput;
import org.keytriage.spi.TaskResult;
import org.keytriage.spi.TaskTypes;
import org.keytriage.tasks.results.GenomicsAnalysis;

/**
 * {@code genomics_analysis}: the model interprets variant records; the polygenic risk score is
 * computed here ({@link PolygenicRiskScore}), put into the prompt for the model to interpret and
 * into the result as computed.
 */
final class GenomicsHandler extends ChatTaskHandler {
  static final String VARIANTS = "variants";
  static final String CONTEXT = "context";

  private static final String SYSTEM_PROMPT =
      SystemPrompt.of(
          TaskTypes.GENOMICS_ANALYSIS,
          "You are a clinical genomics assistant. You interpret genetic variants (gene, dbSNP id, "
              + "genotype) for clinicians: known associations, pharmacogenomic relevance, and what "
              + "a polygenic risk score means for the patient.",
          "{\"summary\": string, \"variant_interpretations\": [{\"gene\": string, \"rsid\": string, "
              + "\"significance\": string, \"interpretation\": string}], "
              + "\"risk_category\": \"low\" | \"moderate\" | \"high\" | \"unknown\"}",
          "One variant_interpretations item per variant given, in the same order. significance is "
              + "one of: pathogenic, likely pathogenic, uncertain, likely benign, benign, risk "
              + "factor, drug response. The polygenic risk score, when given, was computed exactly "
              + "from the supplied effect weights: interpret it, do not recompute it. Use "
              + "risk_category unknown when there is no score and no variant of clear significance.");

  GenomicsHandler(ChatSettings settings, JsonCodec json) {
    super(TaskTypes.GENOMICS_ANALYSIS, settings, json);
  }

  @Override
  String systemPrompt() {
    return SYSTEM_PROMPT;
  }

  @Override
  Object userContent(FieldCheck check) {
    List<VariantRecord> variants = variants(check);
    Optional<String> context = check.optionalText(CONTEXT, MAX_NOTE_CHARS);
    PolygenicRiskScore prs = PolygenicRiskScore.of(variants);
    StringBuilder text = new StringBuilder();
    context.ifPresent(c -> text.append("Context: ").append(c).append("\n\n"));
    text.append("Variants (").append(variants.size()).append("):\n");
    for (VariantRecord v : variants) {
      text.append("- gene=").append(v.gene())
          .append(" rsid=").append(v.rsid())
          .append(" genotype=").append(v.genotype());
      if (v.effectAllele() != null) {
        text.append(" effect_allele=").append(v.effectAllele())
            .append(" effect_allele_copies=").append(v.effectAlleleCount());
      }
      if (v.weighted()) {
        text.append(" effect_weight=").append(v.effectWeight().toPlainString());
      }
      text.append('\n');
    }
    text.append('\n');
    if (prs.hasScore()) {
      text.append("Polygenic risk score: ").append(prs.exactText())
          .append(" (sum of effect_weight x effect_allele_copies over the ")
          .append(prs.scoredVariants()).append(" weighted variants of ")
          .append(prs.totalVariants()).append(").\n\n");
    } else {
      text.append("Polygenic risk score: none (no variant has an effect weight).\n\n");
    }
    return text.append(ANSWER_AS_JSON).toString();
  }

  /** The variants that are good; every problem goes to {@code check}. */
  private static List<VariantRecord> variants(FieldCheck check) {
    List<VariantRecord> good = new ArrayList<>();
    Optional<List<?>> items =
        check.list(VARIANTS, 1, MAX_VARIANTS, "the variant records to interpret");
    if (items.isEmpty()) {
      return good;
    }
    List<?> list = items.get();
    for (int i = 0; i < list.size(); i++) {
      String path = check.path(VARIANTS) + "[" + i + "]";
      VariantRecord.read(list.get(i), path, check).ifPresent(good::add);
    }
    return good;
  }

  /** The score from whatever variants of the input are good; never throws. */
  private PolygenicRiskScore scoreOf(TaskInput input) {
    return PolygenicRiskScore.of(variants(check(input, new ArrayList<>())));
  }

  @Override
  Optional<TaskResult> structuredResult(TaskInput input, Map<String, Object> answer) {
    GenomicsAnalysis result = GenomicsAnalysis.fromModelAnswer(answer, scoreOf(input).toRisk());
    return result.isEmpty() ? Optional.empty() : Optional.of(result.toTaskResult());
  }

  @Override
  TaskResult unstructuredResult(TaskInput input, String answer) {
    return GenomicsAnalysis.unstructured(answer, scoreOf(input).toRisk()).toTaskResult();
  }
}
