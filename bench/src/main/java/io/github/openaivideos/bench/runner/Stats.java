package io.github.openaivideos.bench.runner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians and friends. */
final class Stats {
  private Stats() {}

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  /** The values after the first (the first repetition warms the JIT up). */
  static List<Double> afterFirst(List<Double> values) {
    return values.size() > 1 ? values.subList(1, values.size()) : values;
  }

  /** Splits on a character, dropping empty parts. */
  static List<String> split(String s, char separator) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == separator) {
        if (i > start) {
          parts.add(s.substring(start, i));
        }
        start = i + 1;
      }
    }
    return parts;
  }
}
