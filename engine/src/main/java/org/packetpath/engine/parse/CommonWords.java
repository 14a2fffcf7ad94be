package org.packetpath.engine.parse;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.ext.Extensions;
import org.packetpath.engine.ext.ModuleSpec;
import org.packetpath.engine.ext.OptionSpec;
import org.packetpath.engine.rules.Hook;

/**
 * The words rule lines repeat most (option names, extension names, targets, built-in chains,
 * protocols and states), shared rather than copied out of every line: a large file's words are
 * mostly these.
 */
final class CommonWords {
  private CommonWords() {}

  private static final int SIZE = 4096;
  private static final String[] TABLE = new String[SIZE];

  static {
    List<String> words = new ArrayList<>(List.of("!", "-A", "-I", "-D", "-R", "-N", "-X", "-P",
        "-F", "-Z", "-E", "-t", "-s", "-d", "-i", "-o", "-p", "-f", "-m", "-j", "-g", "-c",
        "ACCEPT", "DROP", "RETURN", "QUEUE", "tcp", "udp", "icmp", "all", "NEW", "ESTABLISHED",
        "RELATED", "INVALID", "UNTRACKED", "ESTABLISHED,RELATED", "RELATED,ESTABLISHED",
        "NEW,ESTABLISHED", "[0:0]", "lo"));
    for (Hook hook : Hook.values()) {
      words.add(hook.name());
    }
    List<ModuleSpec> specs = new ArrayList<>(Extensions.matches());
    specs.addAll(Extensions.targets());
    for (ModuleSpec spec : specs) {
      words.add(spec.name());
      for (OptionSpec option : spec.options()) {
        words.addAll(option.spellings());
      }
    }
    words.forEach(CommonWords::add);
  }

  private static void add(String word) {
    int k = hash(word, 0, word.length()) & (SIZE - 1);
    while (TABLE[k] != null && !TABLE[k].equals(word)) {
      k = (k + 1) & (SIZE - 1);
    }
    TABLE[k] = word;
  }

  /** {@code line}'s characters from {@code start} to {@code end}: shared when common. */
  static String of(String line, int start, int end) {
    int length = end - start;
    for (int k = hash(line, start, end) & (SIZE - 1); TABLE[k] != null; k = (k + 1) & (SIZE - 1)) {
      String word = TABLE[k];
      if (word.length() == length && line.regionMatches(start, word, 0, length)) {
        return word;
      }
    }
    return line.substring(start, end);
  }

  private static int hash(String text, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + text.charAt(i);
    }
    return h ^ (h >>> 16);
  }
}
