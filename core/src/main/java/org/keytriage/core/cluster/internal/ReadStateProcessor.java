package org.keytriage.core.cluster.internal;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import java.util.Map;
import org.keytriage.core.keys.KeyState;

/**
 * Answers a key's stored state on its owner, writing nothing and sending no backup. Sent to many
 * keys at once ({@code submitToKeys}) so the router's view of a whole task route costs one round
 * trip; an entry processor rather than {@code getAll} because only an asynchronous call lets {@link
 * GridCall} bound the wait.
 */
public record ReadStateProcessor() implements EntryProcessor<String, KeyState, KeyState>, ReadOnly {

  @Override
  public KeyState process(Map.Entry<String, KeyState> entry) {
    return entry.getValue(); // immutable: handing out the stored object is safe
  }

  @Override
  public EntryProcessor<String, KeyState, KeyState> getBackupProcessor() {
    return null;
  }
}
