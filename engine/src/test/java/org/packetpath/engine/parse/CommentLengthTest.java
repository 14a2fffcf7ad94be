package org.packetpath.engine.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.rules.Ruleset;

/**
 * A comment longer than 255 bytes: iptables 1.8.9 (both backends) keeps its first 255 bytes,
 * silently, and iptables-save prints them; PacketPath does the same, with a warning.
 */
class CommentLengthTest {
  private static Parsed<Ruleset> parse(String comment) {
    return RulesParser.parse("rules.v4", "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -m comment"
        + " --comment \"" + comment + "\" -j DROP\nCOMMIT\n");
  }

  private static String printedComment(Parsed<Ruleset> result) {
    String printed = SavePrinter.print(result.orThrow(), false);
    int start = printed.indexOf("--comment ") + 10;
    return printed.substring(start, printed.indexOf(" -j DROP", start));
  }

  @Test
  void aCommentOf255BytesIsKeptWhole() {
    Parsed<Ruleset> result = parse("a".repeat(255));
    assertEquals(0, result.diagnostics().size(), () -> result.diagnostics().toString());
    assertEquals("a".repeat(255), printedComment(result));
  }

  @Test
  void aLongerCommentIsCutTo255BytesWithAWarning() {
    Parsed<Ruleset> result = parse("a".repeat(300));
    assertEquals(1, result.warnings().size(), () -> result.diagnostics().toString());
    Diagnostic w = result.warnings().get(0);
    assertEquals("rules.v4:3:31: warning: --comment is cut to its first 255 bytes",
        w.toString());
    assertEquals("a".repeat(255), printedComment(result));
  }

  @Test
  void quotesInsideTheKeptPartArePrintedEscaped() {
    Parsed<Ruleset> result = parse("a".repeat(250) + "\\\"b c\\\"" + "x".repeat(10));
    assertEquals("\"" + "a".repeat(250) + "\\\"b c\\\"\"", printedComment(result));
  }

  @Test
  void bytesAreCountedNotCharacters() {
    // 86 euro signs are 258 bytes: the kernel keeps 85 of them, 255 bytes.
    Parsed<Ruleset> result = parse("€".repeat(86));
    assertEquals("\"" + "€".repeat(85) + "\"", printedComment(result));
  }

  @Test
  void aCharacterTheKernelCutsInTwoIsLeftOut() {
    // 128 é are 256 bytes: the kernel keeps 127 of them and the first byte of the last one,
    // which iptables-save prints as it is; a Java string cannot hold it.
    Parsed<Ruleset> result = parse("é".repeat(128));
    String kept = printedComment(result);
    assertEquals("\"" + "é".repeat(127) + "\"", kept);
    assertEquals(254, kept.getBytes(StandardCharsets.UTF_8).length - 2);
    Diagnostic w = result.warnings().get(0);
    assertEquals("--comment is cut to its first 254 bytes", w.message());
    assertTrue(w.explanation().contains("not valid UTF-8"), w.explanation());
  }
}
