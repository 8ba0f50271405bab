package org.keytriage.tasks.tck;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random input trees: JSON values of every type, a few values JSON cannot hold (NaN, a
 * plain {@code Object}), and valid inputs with one subtree replaced, so that a handler meets both
 * nonsense and almost-right input.
 */
public final class RandomValues {
  private final Random random;
  private final List<String> keys;

  /**
   * @param seed the seed; a failing run names it so it can be replayed
   * @param knownKeys field names worth using as keys (a handler's real fields), mixed with others
   */
  public RandomValues(long seed, Set<String> knownKeys) {
    this.random = new Random(seed);
    this.keys = new ArrayList<>(knownKeys);
    this.keys.addAll(List.of("", "x", "unknown_field", "Text", "a.b", "[0]"));
  }

  /** A random object tree of at most {@code depth} levels. */
  public Map<String, Object> object(int depth) {
    Map<String, Object> m = new LinkedHashMap<>();
    int n = random.nextInt(6);
    for (int i = 0; i < n; i++) {
      m.put(key(), value(depth - 1));
    }
    return m;
  }

  /** Any value, JSON or not. */
  public Object value(int depth) {
    int kind = random.nextInt(depth <= 0 ? 12 : 15);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return "";
      case 2:
        return "   ";
      case 3:
        return text();
      case 4:
        return random.nextLong();
      case 5:
        return random.nextInt(5) - 2;
      case 6:
        return pickDouble();
      case 7:
        return random.nextBoolean();
      case 8:
        return new BigDecimal("1e400");
      case 9:
        return new BigInteger("123456789012345678901234567890");
      case 10:
        return new Object();
      case 11:
        return List.of();
      case 12:
        return object(depth);
      case 13:
        return list(depth);
      default:
        // a one-field object holding a one-item list; either may hold null, so no Map.of/List.of
        Map<String, Object> one = new LinkedHashMap<>();
        List<Object> item = new ArrayList<>();
        item.add(value(depth - 1));
        one.put(key(), item);
        return one;
    }
  }

  private List<Object> list(int depth) {
    List<Object> l = new ArrayList<>();
    int n = random.nextInt(6);
    for (int i = 0; i < n; i++) {
      l.add(value(depth - 1));
    }
    return l;
  }

  private double pickDouble() {
    double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
        Double.MIN_VALUE, Double.MAX_VALUE};
    return random.nextInt(3) == 0
        ? specials[random.nextInt(specials.length)]
        : random.nextGaussian() * 1000;
  }

  private String text() {
    String[] samples = {"A/G", "rs429358", "https://", "data:image/png;base64,", "data:image/png;base64,@@",
        "https://example.org/x.png", "http://example.org/x.png", "{\"json\": true}", "\u0000\u001f",
        "\uD800", "é漢字🙂", "-", "a|b", "rs", "G", "AT/-"};
    return random.nextInt(3) == 0
        ? "x".repeat(random.nextInt(200))
        : samples[random.nextInt(samples.length)];
  }

  private String key() {
    return keys.get(random.nextInt(keys.size()));
  }

  /**
   * A deep copy of {@code input} with one randomly chosen value (at any depth) replaced by a
   * random value, or removed.
   */
  public Map<String, Object> mutate(Map<String, Object> input) {
    Map<String, Object> copy = deepCopy(input);
    mutateIn(copy, 0);
    return copy;
  }

  @SuppressWarnings("unchecked")
  private void mutateIn(Object container, int depth) {
    if (container instanceof Map<?, ?> m && !m.isEmpty()) {
      Map<String, Object> map = (Map<String, Object>) m;
      List<String> names = new ArrayList<>(map.keySet());
      String name = names.get(random.nextInt(names.size()));
      Object child = map.get(name);
      if ((child instanceof Map || child instanceof List) && random.nextInt(3) > 0 && depth < 6) {
        mutateIn(child, depth + 1);
      } else if (random.nextInt(4) == 0) {
        map.remove(name);
      } else {
        map.put(name, value(2));
      }
    } else if (container instanceof List<?> l && !l.isEmpty()) {
      List<Object> list = (List<Object>) l;
      int i = random.nextInt(list.size());
      Object child = list.get(i);
      if ((child instanceof Map || child instanceof List) && random.nextInt(3) > 0 && depth < 6) {
        mutateIn(child, depth + 1);
      } else {
        list.set(i, value(2));
      }
    }
  }

  /** A mutable deep copy of a JSON-like tree. */
  public static Map<String, Object> deepCopy(Map<String, ?> tree) {
    Map<String, Object> copy = new LinkedHashMap<>();
    tree.forEach((k, v) -> copy.put(k, copyValue(v)));
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Object copyValue(Object v) {
    if (v instanceof Map<?, ?> m) {
      return deepCopy((Map<String, ?>) m);
    }
    if (v instanceof List<?> l) {
      List<Object> copy = new ArrayList<>();
      l.forEach(x -> copy.add(copyValue(x)));
      return copy;
    }
    return v;
  }
}
