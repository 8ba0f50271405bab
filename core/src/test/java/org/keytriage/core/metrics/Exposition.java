package org.keytriage.core.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A rendered exposition read back: sample lines by their name and labels, and the comment lines. */
final class Exposition {
  final String text;
  final Map<String, String> samples = new LinkedHashMap<>();
  final List<String> comments;

  Exposition(String text) {
    this.text = text;
    this.comments = text.lines().filter(l -> l.startsWith("#")).toList();
    text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(l -> {
      int space = l.lastIndexOf(' ');
      samples.put(l.substring(0, space), l.substring(space + 1));
    });
  }

  /** The sample's value, or null when there is no such series. */
  String value(String nameAndLabels) {
    return samples.get(nameAndLabels);
  }

  /** The names declared by {@code # TYPE} lines. */
  List<String> typedNames() {
    return comments.stream().filter(l -> l.startsWith("# TYPE ")).map(l -> l.split(" ")[2]).toList();
  }

  /** The names declared by {@code # HELP} lines with a non-empty text. */
  List<String> helpedNames() {
    return comments.stream().filter(l -> l.startsWith("# HELP "))
        .filter(l -> l.split(" ", 4).length == 4 && !l.split(" ", 4)[3].isBlank())
        .map(l -> l.split(" ")[2]).toList();
  }
}
