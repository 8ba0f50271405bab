package org.keytriage.core.cluster.internal;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;
import java.util.Objects;
import org.keytriage.core.keys.KeyState;

/**
 * Stores {@code next} only if the key's state still equals {@code expected} ({@code null}: no state
 * stored yet). Compared with {@link KeyState#equals}, so it does not depend on how the stored value
 * happens to be serialized. Answers the state found when it did not swap, so the caller's next
 * attempt needs no extra read.
 */
public final class CompareAndSetState implements EntryProcessor<String, KeyState, CompareAndSetState.Outcome> {
  private static final long serialVersionUID = 1L;

  private final KeyState expected;
  private final KeyState next;
  private transient boolean swapped;

  /**
   * @param swapped whether {@code next} was stored
   * @param current the state stored now (after the swap, if any); {@code null} if none
   */
  public record Outcome(boolean swapped, KeyState current) implements java.io.Serializable {}

  public CompareAndSetState(KeyState expected, KeyState next) {
    this.expected = expected;
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public Outcome process(Map.Entry<String, KeyState> entry) {
    KeyState current = entry.getValue();
    if (!Objects.equals(current, expected)) {
      return new Outcome(false, current);
    }
    entry.setValue(next);
    swapped = true;
    return new Outcome(true, next);
  }

  @Override
  public EntryProcessor<String, KeyState, Outcome> getBackupProcessor() {
    return swapped ? new SetValueBackup<>(next) : null;
  }
}
