package io.github.openaivideos.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Unknown options and commands, with the known name they were most likely meant to be: {@code
 * unknown option '--promt'; did you mean --prompt?}. Picocli itself reports a mistyped required
 * option as that option missing, and offers several loosely similar commands; this finds the
 * closest names by edit distance (a swap of two letters counts as one edit).
 */
final class Typos {
  /** The most edits a suggestion may be away from what was typed. */
  private static final int MAX_EDITS = 2;

  private Typos() {}

  /**
   * The line describing the first unknown option or command in {@code args} for this command, or
   * null when every word is known.
   */
  static @Nullable String describe(CommandLine command, String[] args) {
    CommandSpec spec = command.getCommandSpec();
    Map<String, CommandLine.Model.OptionSpec> options = spec.optionsMap();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        return null;
      }
      if (arg.startsWith("-") && arg.length() > 1 && !isNumber(arg)) {
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        CommandLine.Model.OptionSpec option = options.get(name);
        if (option == null && !isClusteredShortOption(name, options.keySet())) {
          return "unknown option '" + name + "'" + suggestion(name, options.keySet());
        }
        if (option != null && option.arity().max() > 0 && !arg.contains("=")) {
          i++; // its value, which may start with a dash (--prompt "-x")
        }
      }
    }
    return null;
  }

  /** The line for an unknown subcommand of {@code command}. */
  static String unknownCommand(CommandLine command, String word) {
    return "unknown command '" + word + "'" + suggestion(word, command.getSubcommands().keySet());
  }

  /** {@code ; did you mean X?} (or {@code X or Y}), or empty when nothing is close. */
  static String suggestion(String typed, Collection<String> known) {
    List<String> closest = closest(typed, known);
    return closest.isEmpty() ? "" : "; did you mean " + String.join(" or ", closest) + "?";
  }

  /** The known names fewest edits away from {@code typed}, if any is at most 2 edits away. */
  static List<String> closest(String typed, Collection<String> known) {
    int best = Integer.MAX_VALUE;
    List<String> closest = new ArrayList<>();
    for (String name : known) {
      int edits = edits(typed, name);
      if (edits > MAX_EDITS || edits * 2 >= Math.max(typed.length(), 2)) {
        continue;
      }
      if (edits < best) {
        best = edits;
        closest.clear();
      }
      if (edits == best) {
        closest.add(name);
      }
    }
    return closest;
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, swaps. */
  static int edits(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static boolean isNumber(String arg) {
    return arg.matches("-[0-9.]+");
  }

  /** {@code -hV}: short options written together. */
  private static boolean isClusteredShortOption(String name, Collection<String> known) {
    if (name.startsWith("--") || name.length() < 3) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (!known.contains("-" + name.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
