package org.packetpath.lab;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Suggestions for misspelt words: the known word closest to what was written. */
final class Spelling {
  private Spelling() {}

  /**
   * The word of {@code known} nearest to {@code word} by edit distance, if it is near enough to
   * be a likely typo (at most a third of the word's length, and at most 3 edits).
   */
  static Optional<String> closest(String word, List<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    int limit = Math.min(3, Math.max(1, word.length() / 3));
    return best != null && bestDistance <= limit ? Optional.of(best) : Optional.empty();
  }

  /** The optimal string alignment distance: edits, with a swap of neighbours as one. */
  private static int distance(String a, String b) {
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
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
