package org.keytriage.store;

/** The store's database cannot be opened; the message says which one and what to check. */
public final class StoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  static StoreUnavailableException opening(StoreSettings settings, RuntimeException cause) {
    String reason = rootMessage(cause);
    if (!settings.password().isEmpty()) {
      reason = reason.replace(settings.password(), "***");
    }
    String fix = settings.isPostgres()
        ? "Check that PostgreSQL runs and accepts connections there, and keytriage.db.user and the password "
            + "(keytriage.db.password-file or the KEYTRIAGE_DB_PASSWORD environment variable)."
        : "Check that the folder exists and is writable, and that no other process has the database open.";
    return new StoreUnavailableException("KeyTriage cannot open its store at " + settings.jdbcUrl() + ": " + reason
        + ". " + fix, cause);
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("").strip();
    if (m.endsWith(".")) {
      m = m.substring(0, m.length() - 1);
    }
    return root.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m);
  }
}
