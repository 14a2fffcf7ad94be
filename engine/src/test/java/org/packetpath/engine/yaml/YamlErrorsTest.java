package org.packetpath.engine.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;

/** Every error of the YAML reader, with its message, its line:column and its hint. */
class YamlErrorsTest {
  private static List<Diagnostic> errors(String text) {
    Parsed<YamlNode> result = Yaml.parse("t.yaml", text);
    assertTrue(result.hasErrors(), "errors expected");
    assertTrue(result.value().isEmpty(), "no tree when there are errors");
    return result.diagnostics();
  }

  /** The one error of {@code text}, as "line:column: message". */
  private static String error(String text) {
    List<Diagnostic> errors = errors(text);
    assertEquals(1, errors.size(), () -> "errors: " + errors);
    return line(errors.get(0));
  }

  /** The one error of {@code text}. */
  private static Diagnostic error1(String text) {
    List<Diagnostic> errors = errors(text);
    assertEquals(1, errors.size(), () -> "errors: " + errors);
    return errors.get(0);
  }

  private static String line(Diagnostic d) {
    return d.position().line() + ":" + d.position().column() + ": " + d.message();
  }

  @Test
  void tabInIndentation() {
    Diagnostic d = errors("a:\n  b: 1\n \tc: 2\n").get(0);
    assertEquals("3:2: tab character in indentation", line(d));
    assertEquals("YAML indents with spaces only; replace the tab with spaces", d.explanation());
    assertEquals(" \tc: 2", d.sourceLine());
  }

  @Test
  void tabAfterTheIndentationIsFine() {
    assertTrue(Yaml.parse("t", "a:\t1\n\t# comment\n").value().isPresent());
  }

  @Test
  void deeperLineAfterAValue() {
    Diagnostic d = errors("a: 1\n  b: 2\nc: 3\n").get(0);
    assertEquals("2:3: bad indentation", line(d));
    assertEquals("the keys of one mapping, and the items of one list, start in the same column",
        d.explanation());
  }

  @Test
  void lineBetweenTwoIndentationLevels() {
    assertEquals("3:3: bad indentation", error("a:\n    b: 1\n  c: 2\nd: 3\n"));
  }

  @Test
  void listItemOutOfLine() {
    assertEquals("3:4: bad indentation", error("list:\n  - a\n   - b\n"));
  }

  @Test
  void linesUnderABadlyIndentedLineAreNotReportedAgain() {
    assertEquals("2:3: bad indentation", error("a: 1\n  b:\n    c: 2\n    d: 3\ne: 4\n"));
  }

  @Test
  void duplicateKey() {
    Diagnostic d = errors("name: a\nother: 1\nname: b\n").get(0);
    assertEquals("3:1: duplicate key \"name\"", line(d));
    assertEquals("\"name\" is already given on line 1; a key may appear once in a mapping",
        d.explanation());
  }

  @Test
  void duplicateKeyInAFlowMapping() {
    assertEquals("1:12: duplicate key \"a\"", error("x: {a: 1,  a: 2}\n"));
  }

  @Test
  void sameKeyInDifferentMappingsIsFine() {
    assertTrue(Yaml.parse("t", "- name: a\n- name: b\n").value().isPresent());
  }

  @Test
  void unterminatedQuotes() {
    Diagnostic d = errors("a: \"abc\nb: 'x\n").get(0);
    assertEquals("1:4: unterminated quoted value", line(d));
    assertEquals("add the closing \"; a quoted value ends on the line where it starts",
        d.explanation());
    assertEquals(List.of("1:4: unterminated quoted value", "2:4: unterminated quoted value"),
        errors("a: \"abc\nb: 'x\n").stream().map(YamlErrorsTest::line).toList());
  }

  @Test
  void unterminatedQuoteInsideAFlowList() {
    assertEquals("1:8: unterminated quoted value", error("a: [x, 'y, z]\n"));
  }

  @Test
  void unterminatedFlowCollectionsAreReportedAtTheirOpening() {
    Diagnostic d = errors("a: [x, y\nb: 1\n").get(0);
    assertEquals("1:4: unterminated flow list", line(d));
    assertEquals("add the closing ]", d.explanation());
    assertEquals("2:4: unterminated flow mapping", error("x: 1\ny: {a: 1,\n  b: 2\n"));
  }

  @Test
  void missingCommaInAFlowCollection() {
    Diagnostic d = errors("a: [\"x\" y, z]\n").get(0);
    assertEquals("1:9: expected \",\" or \"]\"", line(d));
    assertEquals("separate the items with commas", d.explanation());
    assertEquals("1:11: expected \",\" or \"}\"", error("a: {b: 1 c: 2}\n"));
  }

  @Test
  void spacesBelongToPlainValuesInFlowCollections() {
    assertTrue(Yaml.parse("t", "a: [x y, z]\n").value().isPresent());
  }

  @Test
  void emptyItemInAFlowList() {
    assertEquals("1:7: unexpected \",\"", error("a: [x,, y]\n"));
  }

  @Test
  void collectionAsAFlowKey() {
    assertEquals("1:5: a key must be a single value", error("a: {[x]: 1}\n"));
  }

  @Test
  void anchorsAliasesAndTags() {
    assertEquals("1:4: anchors and aliases (& and *) are not supported", error("a: &x 1\n"));
    assertEquals("2:4: anchors and aliases (& and *) are not supported",
        error("a: 1\nb: *x\n"));
    assertEquals("1:4: tags (!) are not supported", error("a: !!str 1\n"));
    assertEquals("1:5: tags (!) are not supported", error("a: [!x 1]\n"));
    assertEquals("1:3: anchors and aliases (& and *) are not supported", error("- &a x: 1\n"));
  }

  @Test
  void reservedFirstCharacters() {
    Diagnostic d = errors("a: @home\n").get(0);
    assertEquals("1:4: a value cannot start with \"@\"", line(d));
    assertEquals("put the value in quotes if this character belongs to it", d.explanation());
  }

  @Test
  void severalDocuments() {
    Diagnostic d = errors("a: 1\n---\nb: 2\n").get(0);
    assertEquals("2:1: several documents in one file are not supported", line(d));
    assertEquals("3:1: several documents in one file are not supported",
        error("---\na: 1\n---\n"));
  }

  @Test
  void missingSpaceAfterColon() {
    Diagnostic d = errors("a: 1\nb:2\n").get(0);
    assertEquals("2:1: expected \"key: value\"", line(d));
    assertEquals("put a space after the colon: \"key: value\"", d.explanation());
  }

  @Test
  void lineThatIsNotAnEntry() {
    Diagnostic d = errors("a: 1\njust words\nb: 2\n").get(0);
    assertEquals("2:1: expected \"key: value\"", line(d));
    assertEquals("each line of a mapping is \"key: value\"", d.explanation());
  }

  @Test
  void listItemAmongMappingKeys() {
    Diagnostic d = errors("a: 1\n- b\n").get(0);
    assertEquals("2:1: expected \"key: value\"", line(d));
    assertTrue(d.explanation().startsWith("a list item cannot stand among the keys"));
  }

  @Test
  void mappingLineAfterAList() {
    assertEquals("2:1: unexpected content", error("- a\nb: 1\n"));
  }

  @Test
  void listOnTheLineOfItsKey() {
    assertEquals("1:8: a list cannot start on the same line as its key",
        error("hosts: - a\n"));
  }

  @Test
  void keyValueInsideAValue() {
    Diagnostic d = errors("address: a: b\n").get(0);
    assertEquals("1:11: unexpected \":\" in a value", line(d));
  }

  @Test
  void complexKeys() {
    assertEquals("1:1: complex keys (\"? \") are not supported", error("? a\n"));
  }

  @Test
  void emptyKey() {
    assertEquals("1:1: missing key before \":\"", error(": 1\n"));
  }

  @Test
  void invalidEscape() {
    Diagnostic d = errors("a: \"c:\\q\"\n").get(0);
    assertEquals("1:7: invalid escape \"\\q\"", line(d));
    assertTrue(d.explanation().contains("single quotes"));
  }

  @Test
  void textAfterAQuotedValue() {
    Diagnostic d = errors("a: \"x\" y\n").get(0);
    assertEquals("1:8: unexpected text after the value", line(d));
    assertEquals("1:8: unexpected text after the value", error("a: [x] y\n"));
  }

  @Test
  void unsupportedBlockHeader() {
    assertEquals("1:5: unsupported block header", error("a: |2\n    x\n"));
  }

  @Test
  void tabsAnywhereInTheIndentation() {
    assertEquals("2:1: tab character in indentation", error("a:\n\t- b\n"));
    assertEquals("3:3: tab character in indentation", error("a:\n  b: 1\n  \tc: 2\n"));
  }

  @Test
  void deeplyNestedDocumentsAreRefusedWhereTheyGetTooDeep() {
    String flow = "[".repeat(3_000) + "x" + "]".repeat(3_000);
    Diagnostic d = errors(flow).get(0);
    assertEquals("1:51: nested more than 50 levels deep", line(d));
    assertTrue(d.explanation().contains("only a few levels"), d.explanation());
    assertEquals("1:101: nested more than 50 levels deep", error("- ".repeat(3_000) + "x\n"));
    StringBuilder block = new StringBuilder();
    for (int level = 0; level < 3_000; level++) {
      block.append(" ".repeat(level % 60)).append(level % 60 == 59 ? "k: x\n" : "k:\n");
    }
    assertEquals("51:51: nested more than 50 levels deep", line(errors(block.toString()).get(0)));
  }

  @Test
  void aliasBombIsRefusedWithoutExpandingIt() {
    StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      bomb.append(c).append(": &").append(c).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, "*" + (char) (c - 1))))
          .append("]\n");
    }
    List<Diagnostic> found = errors(bomb.toString());
    assertEquals("1:4: anchors and aliases (& and *) are not supported", line(found.get(0)));
    assertEquals("2:8: anchors and aliases (& and *) are not supported", line(found.get(1)));
    assertEquals(10, found.size(), found::toString);
    assertEquals("1:4: anchors and aliases (& and *) are not supported",
        error("a: &a x\nb: [*a, *a, *a]\n"));
  }

  @Test
  void tooLongAFileIsRefusedWhereItGetsTooLong() {
    Diagnostic d = error1("- x\n".repeat(300_000));
    assertEquals("250001:1: the file is too long", line(d));
    assertEquals("a YAML file of PacketPath holds at most 1000000 characters", d.explanation());
  }

  @Test
  void controlCharactersAreRefused() {
    Diagnostic d = errors("a: 1\nb: x\u0001y\n").get(0);
    assertEquals("2:5: special character U+0001 is not allowed", line(d));
  }

  @Test
  void escapesThatAreNotHexadecimal() {
    assertEquals("1:5: invalid escape \"\\x4\"\"", error("a: \"\\x4\"\n"));
  }

  @Test
  void continuedValuesInFlowCollectionsNeedCommas() {
    Diagnostic d = errors("a: [\n  x\n  y\n]\n").get(0);
    assertEquals("3:3: expected \",\" or \"]\"", line(d));
  }

  @Test
  void quotedValuesEndOnTheirLine() {
    assertEquals("1:4: unterminated quoted value", error("a: \"x\n  y\"\nb: 1\n"));
  }

  @Test
  void listItemWithoutSpaceAfterTheDash() {
    Diagnostic d = errors("- a\n-b\n").get(0);
    assertEquals("2:1: expected \"key: value\"", line(d));
    assertEquals("a list item is \"- value\", with a space after the dash", d.explanation());
  }

  @Test
  void everyErrorIsReportedInOneRun() {
    List<String> found = errors("""
        a: 1
        a: 2
        b: ["x" y]
        c: 'open
        \td: 1
        e: &anchor 1
        """).stream().map(YamlErrorsTest::line).toList();
    assertEquals(List.of(
        "2:1: duplicate key \"a\"",
        "3:9: expected \",\" or \"]\"",
        "4:4: unterminated quoted value",
        "5:1: tab character in indentation",
        "6:4: anchors and aliases (& and *) are not supported"), found);
  }

  @Test
  void renderShowsTheLineAndACaret() {
    Diagnostic d = errors("hosts:\n  pc1: {address: 10.0.0.2, address: x}\n").get(0);
    assertEquals("""
        t.yaml:2:28: error: duplicate key "address"
            pc1: {address: 10.0.0.2, address: x}
                                     ^
          "address" is already given on line 2; a key may appear once in a mapping""",
        d.render());
  }

  /** Mangled documents give diagnostics, never an exception, and errors always come with lines. */
  @Test
  void mangledDocumentsNeverCrashTheReader() {
    String sample = """
        firewall: fw   # name
        interfaces:
          - name: "wan0"
            address: '203.0.113.1/24'
          - {name: lan0, address: 10.0.0.1/24}
        services: [22/tcp, [a, {b: c}]]
        text: |
          hello
        """;
    String alphabet = " -:#'\"[]{},|>&*!\t\n\\ax0";
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder(sample);
      for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
        int at = random.nextInt(text.length() + 1);
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        if (random.nextBoolean() && at < text.length()) {
          text.setCharAt(at, c);
        } else {
          text.insert(at, c);
        }
      }
      Parsed<YamlNode> result = Yaml.parse("t", text.toString());
      assertEquals(result.hasErrors(), result.value().isEmpty(), text::toString);
      for (Diagnostic d : result.diagnostics()) {
        assertTrue(d.position().line() >= 1 && d.position().column() >= 1, text::toString);
        assertTrue(!d.explanation().isEmpty(), d::toString);
      }
    }
  }
}
