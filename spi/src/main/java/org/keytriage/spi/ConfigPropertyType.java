package org.keytriage.spi;

/** The type of a provider setting, so a console can render the right input. */
public enum ConfigPropertyType {
  STRING,
  INTEGER,
  DECIMAL,
  BOOLEAN,
  /** One of {@link ConfigProperty#options()}. */
  CHOICE
}
