package org.keytriage.spi;

/**
 * One problem with one input field, reported to the caller as part of a 400 problem body.
 *
 * @param field the JSON path of the field, e.g. {@code variants[2].genotype}
 * @param message what is wrong and how to fix it; never echoes the field's value (it may be PHI)
 */
public record FieldError(String field, String message) {
  public FieldError {
    if (field == null || message == null) {
      throw new IllegalArgumentException("field and message must not be null");
    }
  }
}
