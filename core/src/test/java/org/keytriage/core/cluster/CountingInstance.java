package org.keytriage.core.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Hazelcast instance whose maps log every call made on one chosen thread, whatever code makes it:
 * an independent check that the backends' own count ({@link GridOperations}) misses no grid access.
 */
final class CountingInstance {
  /** Calls that only name or describe a map: nothing travels. */
  private static final Set<String> LOCAL = Set.of("getName", "getServiceName", "getPartitionKey", "toString", "hashCode", "equals");

  private final HazelcastInstance instance;
  private volatile Thread watched;
  private final Map<String, Integer> calls = new TreeMap<>();

  CountingInstance(HazelcastInstance target) {
    this.instance =
        (HazelcastInstance)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HazelcastInstance.class},
                (proxy, method, args) -> {
                  Object result = invoke(target, method, args);
                  return method.getName().equals("getMap") ? countingMap((IMap<?, ?>) result) : result;
                });
  }

  HazelcastInstance instance() {
    return instance;
  }

  /** Starts logging the calls of the current thread, forgetting earlier ones. */
  synchronized void watchThisThread() {
    calls.clear();
    watched = Thread.currentThread();
  }

  /** Map calls of the watched thread since {@link #watchThisThread}, by method name. */
  synchronized Map<String, Integer> calls() {
    return new TreeMap<>(calls);
  }

  synchronized int total() {
    return calls.values().stream().mapToInt(Integer::intValue).sum();
  }

  private synchronized void record(String method) {
    calls.merge(method, 1, Integer::sum);
  }

  private IMap<?, ?> countingMap(IMap<?, ?> target) {
    InvocationHandler h =
        (proxy, method, args) -> {
          if (Thread.currentThread() == watched && !LOCAL.contains(method.getName())) {
            record(method.getName());
          }
          return invoke(target, method, args);
        };
    return (IMap<?, ?>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {IMap.class}, h);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
