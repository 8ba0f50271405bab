package org.keytriage.store;

import java.time.Duration;
import java.util.Optional;
import org.keytriage.core.errors.ErrorCode;
import org.keytriage.core.errors.KeyTriageException;

/**
 * The store's database cannot be opened, or did not answer: the message says which one and what to
 * check, never a password. An engine failure with {@link ErrorCode#STORE_UNAVAILABLE} (503) and a
 * {@code Retry-After}, as for every fault that may pass.
 */
public final class StoreUnavailableException extends KeyTriageException {
  private static final long serialVersionUID = 1L;
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private StoreUnavailableException(String message, Throwable cause) {
    super(ErrorCode.STORE_UNAVAILABLE, message, cause);
  }

  @Override
  public Optional<Duration> retryAfter() {
    return Optional.of(RETRY_AFTER);
  }

  /**
   * A statement the database refused or did not answer: nothing of the transaction was kept.
   * Failures of the caller's own (a bad argument, a missing row) are passed on as they are.
   */
  public static RuntimeException during(RuntimeException cause) {
    if (cause instanceof KeyTriageException || cause instanceof IllegalArgumentException
        || cause instanceof java.util.NoSuchElementException) {
      return cause;
    }
    return new StoreUnavailableException("The store's database did not answer (" + rootMessage(cause)
        + "); nothing was changed. Try again shortly; if it lasts, check the database.", cause);
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
