package org.keytriage.tasks.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's reading of one variant. Fields in a result: {@code gene}, {@code rsid}, {@code
 * significance} (e.g. {@code benign}, {@code risk factor}, {@code pathogenic}) and {@code
 * interpretation}; any may be empty when the model left it out.
 */
public record VariantInterpretation(
    String gene, String rsid, String significance, String interpretation) {
  public static final String GENE = "gene";
  public static final String RSID = "rsid";
  public static final String SIGNIFICANCE = "significance";
  public static final String INTERPRETATION = "interpretation";

  public VariantInterpretation {
    gene = Fields.orEmpty(gene);
    rsid = Fields.orEmpty(rsid);
    significance = Fields.orEmpty(significance);
    interpretation = Fields.orEmpty(interpretation);
  }

  /**
   * Reads a list of interpretations leniently: objects with the fields above, or plain strings
   * (taken as the interpretation); items with no text at all are dropped.
   */
  public static List<VariantInterpretation> listFrom(Object value) {
    List<VariantInterpretation> out = new ArrayList<>();
    if (value instanceof List<?> items) {
      for (Object item : items) {
        VariantInterpretation v =
            item instanceof Map<?, ?> m
                ? new VariantInterpretation(
                    Fields.string(m, GENE),
                    Fields.string(m, RSID),
                    Fields.string(m, SIGNIFICANCE),
                    Fields.string(m, INTERPRETATION))
                : new VariantInterpretation("", "", "", Fields.scalarText(item));
        if (!v.isEmpty()) {
          out.add(v);
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  public boolean isEmpty() {
    return gene.isBlank() && rsid.isBlank() && significance.isBlank() && interpretation.isBlank();
  }

  Map<String, Object> toFields() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put(GENE, gene);
    f.put(RSID, rsid);
    f.put(SIGNIFICANCE, significance);
    f.put(INTERPRETATION, interpretation);
    return Collections.unmodifiableMap(f);
  }

  /** Nothing but the type: a gene and genotype together identify a patient's result. */
  @Override
  public String toString() {
    return "VariantInterpretation[…]";
  }
}
