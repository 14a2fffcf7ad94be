package org.packetpath.engine.ext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.rules.Table;

/**
 * The canonical-form corpora {@link CanonicalCorpusTest} runs, for tests outside this package:
 * the kernel lab checks every case against the real kernel. The list is {@link
 * CanonicalCorpusTest#CORPORA}, so a corpus added there is checked everywhere.
 */
public final class Corpora {
  private Corpora() {}

  /**
   * One case: a rule for {@code -A chain} in {@code table}, read from line {@code line} of
   * {@code corpus}, and what iptables-save printed for it ({@code expected}, the rule itself
   * when the corpus says {@code =}) or {@code ERROR} and the error iptables gave.
   */
  public record Case(String corpus, int line, Table table, String chain, String input,
      String expected) {
    /** Whether iptables refused the rule. */
    public boolean refused() {
      return expected.startsWith("ERROR ");
    }

    /** The error iptables gave, for a refused rule. */
    public String error() {
      return expected.substring("ERROR ".length());
    }

    /** The iptables-restore file the case was recorded with: the table, its chains, the rule. */
    public String saveFile() {
      return CanonicalCorpusTest.saveFile(inner());
    }

    private CanonicalCorpusTest.Case inner() {
      return new CanonicalCorpusTest.Case(corpus, line, table, chain, input, expected);
    }
  }

  /** The corpora's resource names ({@code protocol-matches.corpus} ...), in order. */
  public static List<String> names() {
    return CanonicalCorpusTest.CORPORA;
  }

  /** The cases of the corpus resource {@code name}, or empty when there is no such resource. */
  public static Optional<List<Case>> read(String name) {
    if (Corpora.class.getResource(name) == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(CanonicalCorpusTest.read(name).stream().map(c -> new Case(c.corpus(),
          c.line(), c.table(), c.chain(), c.input(), c.expected())).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
