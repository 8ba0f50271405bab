package org.keytriage.tasks.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keytriage.spi.FieldError;

/**
 * One variant of a genomics input, checked: {@code gene}, {@code rsid} ({@code rs} + digits),
 * {@code genotype} (two alleles split by {@code /} or {@code |}), and optionally {@code
 * effect_allele} with {@code effect_weight}. Alleles are upper-cased, so {@code a/g} and {@code
 * A/G} score alike.
 *
 * @param effectAllele the allele the weight is for; null when not given
 * @param effectWeight the allele's effect weight, exact; null when not given
 */
record VariantRecord(
    String gene, String rsid, String allele1, String allele2, String effectAllele,
    BigDecimal effectWeight) {
  static final String GENE = "gene";
  static final String RSID = "rsid";
  static final String GENOTYPE = "genotype";
  static final String EFFECT_ALLELE = "effect_allele";
  static final String EFFECT_WEIGHT = "effect_weight";

  static final int MAX_GENE_CHARS = 64;
  private static final Pattern RSID_PATTERN = Pattern.compile("rs[0-9]{1,12}", Pattern.CASE_INSENSITIVE);
  private static final String ALLELE = "(?:[ACGT]{1,50}|-)";
  private static final Pattern ALLELE_PATTERN = Pattern.compile(ALLELE, Pattern.CASE_INSENSITIVE);
  private static final Pattern GENOTYPE_PATTERN =
      Pattern.compile("(" + ALLELE + ")[/|](" + ALLELE + ")", Pattern.CASE_INSENSITIVE);

  /** Whether this variant enters the polygenic risk score. */
  boolean weighted() {
    return effectWeight != null && effectAllele != null;
  }

  /** Copies of the effect allele in the genotype: 0, 1 or 2; 0 when there is no effect allele. */
  int effectAlleleCount() {
    if (effectAllele == null) {
      return 0;
    }
    return (allele1.equals(effectAllele) ? 1 : 0) + (allele2.equals(effectAllele) ? 1 : 0);
  }

  String genotype() {
    return allele1 + "/" + allele2;
  }

  /**
   * Reads {@code item} at {@code path} (e.g. {@code variants[3]}), recording each bad field in
   * {@code parent}, the check of the object that holds the variants.
   *
   * @return the variant when all its fields are good
   */
  static Optional<VariantRecord> read(Object item, String path, FieldCheck parent) {
    if (!(item instanceof Map<?, ?> map)) {
      parent.report(new FieldError(path, "must be an object with gene, rsid and genotype"));
      return Optional.empty();
    }
    FieldCheck check = parent.nested(map, path + ".");
    int before = check.errorCount();
    String gene = check.requiredText(GENE, MAX_GENE_CHARS, "the gene symbol, e.g. APOE").orElse(null);
    String rsid = check.requiredText(RSID, 20, "the dbSNP id, e.g. rs429358").orElse(null);
    if (rsid != null && !RSID_PATTERN.matcher(rsid.trim()).matches()) {
      check.fail(RSID, "must be a dbSNP id: 'rs' followed by digits");
      rsid = null;
    }
    String genotype = check.requiredText(GENOTYPE, 101, "two alleles, e.g. A/G").orElse(null);
    var alleles = genotype == null ? null : GENOTYPE_PATTERN.matcher(genotype.trim());
    if (alleles != null && !alleles.matches()) {
      check.fail(GENOTYPE, "must be two alleles separated by '/' or '|', each A, C, G, T letters or '-'");
      alleles = null;
    }
    String effectAllele = check.optionalText(EFFECT_ALLELE, 50).orElse(null);
    if (effectAllele != null && !ALLELE_PATTERN.matcher(effectAllele.trim()).matches()) {
      check.fail(EFFECT_ALLELE, "must be one allele: A, C, G, T letters or '-'");
      effectAllele = null;
    }
    BigDecimal weight = check.optionalNumber(EFFECT_WEIGHT).map(VariantRecord::exact).orElse(null);
    if (weight != null && !check.present(EFFECT_ALLELE)) {
      check.fail(EFFECT_ALLELE, "is required when effect_weight is given: the allele the weight is for");
    }
    if (check.errorCount() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new VariantRecord(
            gene.trim(),
            rsid.trim().toLowerCase(Locale.ROOT),
            alleles.group(1).toUpperCase(Locale.ROOT),
            alleles.group(2).toUpperCase(Locale.ROOT),
            effectAllele == null ? null : effectAllele.trim().toUpperCase(Locale.ROOT),
            weight));
  }

  /** The number's exact decimal value; a double is taken at its shortest decimal spelling. */
  static BigDecimal exact(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (n instanceof Double || n instanceof Float) {
      // 0.1 means 0.1 to the person who typed it, not the binary double nearest to it
      return new BigDecimal(n instanceof Float f ? Float.toString(f) : Double.toString(n.doubleValue()));
    }
    return BigDecimal.valueOf(n.longValue());
  }

  /** Genomic data identifies a person: the type only. */
  @Override
  public String toString() {
    return "VariantRecord[…]";
  }
}
