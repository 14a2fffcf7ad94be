package org.packetpath.engine.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.yaml.YamlNode.Mapping;
import org.packetpath.engine.yaml.YamlNode.Scalar;

/** The schema checks readers make of a YAML file: each mistake's message, place and hint. */
class YamlFileTest {
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private YamlFile read(String text) {
    return YamlFile.read("f.yaml", text, diagnostics).orElseThrow();
  }

  private List<String> found() {
    return diagnostics.stream()
        .map(d -> d.position().line() + ":" + d.position().column() + ": " + d.message())
        .toList();
  }

  @Test
  void emptyFilesAreReportedAtTheirStart() {
    for (String text : List.of("", "# only a comment\n", "\n\n   \n", "---\n", "# a\n---\n...\n")) {
      diagnostics.clear();
      assertTrue(read(text).root("the index", "list the exercises").isEmpty(), text);
      assertEquals(List.of("1:1: the index is empty"), found(), text);
      assertEquals("list the exercises", diagnostics.get(0).explanation());
    }
  }

  @Test
  void theDocumentMustBeAMapping() {
    assertTrue(read("- a\n").root("the index", "hint").isEmpty());
    assertEquals(List.of("1:1: the index must be a mapping, not a list"), found());
  }

  @Test
  void syntaxErrorsLeaveNoFileToCheck() {
    assertTrue(YamlFile.read("f.yaml", "a: [x\nb: 'y\n", diagnostics).isEmpty());
    assertEquals(List.of("1:4: unterminated flow list", "2:4: unterminated quoted value"),
        found());
  }

  @Test
  void kindsAreNamedInTheMessage() {
    YamlFile file = read("m: {a: 1}\nl: [1]\nv: x\ne:\n");
    Mapping top = file.root("the file", "").orElseThrow();
    assertTrue(file.mapping(top.get("l").orElseThrow(), "\"l\"", "h1").isEmpty());
    assertTrue(file.mapping(top.get("e").orElseThrow(), "\"e\"", "h2").isEmpty());
    assertTrue(file.list(top.get("m").orElseThrow(), "\"m\"", "h3").isEmpty());
    assertTrue(file.value(top.get("l").orElseThrow(), "\"l\"", "h4").isEmpty());
    assertEquals(List.of("2:4: \"l\" must be a mapping, not a list",
        "4:3: \"e\" must be a mapping, not empty",
        "1:4: \"m\" must be a list, not a mapping",
        "2:4: \"l\" must be a single value, not a list"), found());
    assertEquals(List.of("h1", "h2", "h3", "h4"),
        diagnostics.stream().map(Diagnostic::explanation).toList());
  }

  @Test
  void anEmptyValueIsAnEmptyList() {
    YamlFile file = read("l:\n");
    Mapping top = file.root("", "").orElseThrow();
    assertEquals(List.of(), file.list(top, "l", true, "").orElseThrow().items());
    assertEquals(List.of(), found());
  }

  @Test
  void requiredKeysAreReportedAtTheirMapping() {
    YamlFile file = read("x: 1\nlist:\n  - a: 1\n");
    Mapping item = (Mapping) ((YamlNode.Sequence) file.root("", "").orElseThrow().get("list")
        .orElseThrow()).items().get(0);
    assertTrue(file.value(item, "name", true, "name it").isEmpty());
    assertTrue(file.value(item, "colour", false, "").isEmpty());
    assertTrue(file.list(item, "items", true, "list them").isEmpty());
    assertEquals(List.of("3:5: missing key \"name\"", "3:5: missing key \"items\""), found());
    assertEquals("name it", diagnostics.get(0).explanation());
  }

  @Test
  void emptyValuesAreReportedAtTheirKey() {
    YamlFile file = read("a:\nb: ''\nc: ~\n");
    Mapping top = file.root("", "").orElseThrow();
    assertTrue(file.value(top, "a", true, "give a").isEmpty());
    assertTrue(file.value(top, "b", false, "").isEmpty());
    assertTrue(file.value(top, "c", false, "about c").isEmpty());
    assertEquals(List.of("1:1: missing value for \"a\"", "2:1: missing value for \"b\"",
        "3:1: missing value for \"c\""), found());
    assertEquals(List.of("give a", "write a value after \"b:\" or remove the line", "about c"),
        diagnostics.stream().map(Diagnostic::explanation).toList());
  }

  @Test
  void listsOfValuesReportEachBadItem() {
    YamlFile file = read("hints:\n  - one\n  -\n  - [x]\n  - two\n");
    List<Scalar> values = file.values(file.root("", "").orElseThrow().get("hints").orElseThrow(),
        "\"hints\"", "one hint per item");
    assertEquals(List.of("one", "two"), values.stream().map(Scalar::value).toList());
    assertEquals(List.of("3:4: an item of \"hints\" is empty",
        "4:5: an item of \"hints\" must be a single value, not a list"), found());
  }

  @Test
  void unknownKeysGetTheNearestKnownOneOrTheList() {
    YamlFile file = read("nmae: x\ncolour: y\nnet.ipv4.ip_forward: 1\nname: z\n");
    file.checkKeys(file.root("", "").orElseThrow(), List.of("name", "ip_forward"), "here");
    assertEquals(List.of("1:1: unknown key \"nmae\"", "2:1: unknown key \"colour\"",
        "3:1: unknown key \"net.ipv4.ip_forward\""), found());
    assertEquals(List.of("did you mean name?", "the keys here are name, ip_forward",
        "did you mean ip_forward?"), diagnostics.stream().map(Diagnostic::explanation).toList());
  }

  @Test
  void integersMustBeDecimalAndInRange() {
    YamlFile file = read("a: [0, 7, 8, -1, 1.5, '3', 0003, 99999999999]\n");
    List<Optional<Integer>> read = file.values(file.root("", "").orElseThrow().get("a")
        .orElseThrow(), "a", "").stream().map(s -> file.integer(s, 0, 7, "bad " + s.value(),
            "0 to 7")).toList();
    assertEquals(List.of(Optional.of(0), Optional.of(7), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(3), Optional.of(3), Optional.empty()), read);
    assertEquals(List.of("1:11: bad 8", "1:14: bad -1", "1:18: bad 1.5", "1:34: bad 99999999999"),
        found());
  }

  @Test
  void everyMistakeOfAFileIsReportedInOneRun() {
    YamlFile file = read("""
        name:
        size: big
        extra: 1
        items: x
        """);
    Mapping top = file.root("the file", "").orElseThrow();
    file.checkKeys(top, List.of("name", "size", "items", "kind"), "of the file");
    file.value(top, "name", true, "name it");
    file.value(top, "size", true, "").flatMap(s -> file.integer(s, 1, 9, "invalid size", "1-9"));
    file.list(top, "items", true, "");
    file.value(top, "kind", true, "say its kind");
    assertEquals(List.of("3:1: unknown key \"extra\"", "1:1: missing value for \"name\"",
        "2:7: invalid size", "4:8: \"items\" must be a list, not a value",
        "1:1: missing key \"kind\""), found());
    assertEquals("""
        f.yaml:2:7: error: invalid size
          size: big
                ^
          1-9""", diagnostics.get(2).render());
  }

  @Test
  void diagnosticsFromInsideAValueShowTheFilesLine() {
    YamlFile file = read("packet: tcp a > b\n");
    file.add(Diagnostic.error(new SourcePosition("f.yaml", 1, 13), "", "unknown host"));
    file.warning(new SourcePosition("f.yaml", 1, 9), "odd", "why");
    assertEquals("packet: tcp a > b", diagnostics.get(0).sourceLine());
    assertEquals("f.yaml:1:9: warning: odd", diagnostics.get(1).toString());
    assertEquals(1, file.errorCount());
  }
}
