package org.packetpath.lab.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel conformance report, {@code target/conformance-report.md}: one row per category of
 * cases the kernel tests of this run compared (cases, how many agree, packets compared), and
 * notes below. Each test class writes it when it ends, with the rows of every class run so far.
 */
final class ConformanceReport {
  /** The seed of the random cases: {@code -Dpacketpath.seed=N} replays a run. */
  static final long SEED = Long.getLong("packetpath.seed", 20261121L);

  private static final Map<String, int[]> ROWS = new LinkedHashMap<>();
  private static final List<String> NOTES = new ArrayList<>();

  private ConformanceReport() {}

  /** Counts one case of {@code category}, and the packets it compared. */
  static synchronized void count(String category, boolean agree, int packets) {
    int[] row = ROWS.computeIfAbsent(category, k -> new int[3]);
    row[0]++;
    row[1] += agree ? 1 : 0;
    row[2] += packets;
  }

  /** Adds a line below the table. */
  static synchronized void note(String line) {
    NOTES.add(line);
  }

  /** Writes the report and prints it, unless nothing was counted. */
  static synchronized void write() throws IOException {
    if (ROWS.isEmpty()) {
      return;
    }
    StringBuilder out = new StringBuilder("# Kernel conformance report\n\n");
    out.append("Seed ").append(SEED).append(", ").append(System.getProperty("os.version"))
        .append(" kernel.\n\n| Category | Cases | Agree | Packets compared |\n|---|---|---|---|\n");
    ROWS.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v[0]).append(" | ")
        .append(v[1]).append(" | ").append(v[2]).append(" |\n"));
    if (!NOTES.isEmpty()) {
      out.append('\n');
      NOTES.forEach(n -> out.append("- ").append(n).append('\n'));
    }
    Path target = Path.of("target");
    Files.createDirectories(target);
    Files.writeString(target.resolve("conformance-report.md"), out.toString());
    System.out.println(out);
  }
}
