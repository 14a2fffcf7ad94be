package org.packetpath.engine.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.yaml.YamlNode.Mapping;
import org.packetpath.engine.yaml.YamlNode.Scalar;
import org.packetpath.engine.yaml.YamlNode.Scalar.Style;
import org.packetpath.engine.yaml.YamlNode.Sequence;

/** The YAML subset: what each construct reads as, and where each node says it was written. */
class YamlTest {
  private static YamlNode read(String text) {
    Parsed<YamlNode> result = Yaml.parse("t.yaml", text);
    assertEquals(List.of(), result.diagnostics(), "no diagnostics expected");
    return result.value().orElseThrow();
  }

  /** A compact rendering of a tree: {a: [x, y]} with values as written (quotes not shown). */
  private static String show(YamlNode node) {
    if (node instanceof Scalar s) {
      return s.isNull() ? "~" : s.value();
    }
    if (node instanceof Sequence s) {
      return "[" + String.join(", ", s.items().stream().map(YamlTest::show).toList()) + "]";
    }
    Mapping m = (Mapping) node;
    return "{" + String.join(", ", m.entries().stream()
        .map(e -> e.key().value() + ": " + show(e.value())).toList()) + "}";
  }

  private static String at(YamlNode node) {
    return node.position().line() + ":" + node.position().column();
  }

  private static Mapping map(YamlNode node) {
    return assertInstanceOf(Mapping.class, node);
  }

  private static Sequence seq(YamlNode node) {
    return assertInstanceOf(Sequence.class, node);
  }

  private static Scalar scalar(YamlNode node) {
    return assertInstanceOf(Scalar.class, node);
  }

  @Test
  void blockMappingsNestByIndentation() {
    YamlNode root = read("""
        firewall: fw
        sysctls:
          ip_forward: 1
          nested:
              deep: yes
        last: x
        """);
    assertEquals("{firewall: fw, sysctls: {ip_forward: 1, nested: {deep: yes}}, last: x}",
        show(root));
    Mapping sysctls = map(map(root).get("sysctls").orElseThrow());
    assertEquals("3:3", at(sysctls));
    assertEquals("3:3", at(sysctls.entries().get(0).key()));
    assertEquals("3:15", at(sysctls.get("ip_forward").orElseThrow()));
    assertEquals("5:13", at(map(sysctls.get("nested").orElseThrow()).get("deep").orElseThrow()));
  }

  @Test
  void sequencesOfValuesAndOfMappings() {
    YamlNode root = read("""
        services:
          - 22/tcp
          - 80/tcp
        interfaces:
          - name: wan0
            address: 203.0.113.1/24
          -   name: lan0
              address: 10.0.0.1/24
        """);
    assertEquals("{services: [22/tcp, 80/tcp], interfaces: [{name: wan0, address: 203.0.113.1/24},"
        + " {name: lan0, address: 10.0.0.1/24}]}", show(root));
    Sequence interfaces = seq(map(root).get("interfaces").orElseThrow());
    assertEquals("5:3", at(interfaces));
    assertEquals("5:5", at(interfaces.items().get(0)));
    assertEquals("7:7", at(interfaces.items().get(1)));
    assertEquals("8:16", at(map(interfaces.items().get(1)).get("address").orElseThrow()));
  }

  @Test
  void listMayStartInTheColumnOfItsKey() {
    assertEquals("{hosts: [a, b], next: 1}", show(read("hosts:\n- a\n- b\nnext: 1\n")));
    assertEquals("[{list: [a, b]}, c]", show(read("- list:\n  - a\n  - b\n- c\n")));
  }

  @Test
  void nestedSequencesOnOneLine() {
    assertEquals("[[a, b], [c]]", show(read("- - a\n  - b\n- - c\n")));
  }

  @Test
  void itemsMayStartOnTheLineAfterTheirDash() {
    assertEquals("[{a: 1, b: 2}, x]", show(read("-\n  a: 1\n  b: 2\n- x\n")));
  }

  @Test
  void emptyValuesAreNullScalarsWhereTheValueWouldBe() {
    Mapping root = map(read("a:\nb: ~\nc: null\nd: 'null'\nlist:\n  -\n  - x\n"));
    assertEquals("{a: ~, b: ~, c: ~, d: null, list: [~, x]}", show(root));
    Scalar a = scalar(root.get("a").orElseThrow());
    assertTrue(a.isNull());
    assertEquals("", a.value());
    assertEquals("1:3", at(a));
    assertFalse(scalar(root.get("d").orElseThrow()).isNull(), "quoted null is text");
    assertEquals("6:4", at(seq(root.get("list").orElseThrow()).items().get(0)));
  }

  @Test
  void commentsAreIgnoredButHashInsideAWordIsNot() {
    YamlNode root = read("""
        # a comment line
        a: 1   # trailing comment
           # indented comment
        b: x#y
        c: '# not a comment'
        """);
    assertEquals("{a: 1, b: x#y, c: # not a comment}", show(root));
  }

  @Test
  void plainValuesMayHoldColonsNotFollowedBySpace() {
    Mapping root = map(read("mac: 52:54:00:12:34:56\nurl: http://example.com/x\n"));
    assertEquals("52:54:00:12:34:56", scalar(root.get("mac").orElseThrow()).value());
    assertEquals("http://example.com/x", scalar(root.get("url").orElseThrow()).value());
  }

  @Test
  void singleQuotedValues() {
    Scalar s = scalar(map(read("a: 'it''s: #1 \\n'\n")).get("a").orElseThrow());
    assertEquals("it's: #1 \\n", s.value());
    assertEquals(Style.SINGLE_QUOTED, s.style());
    assertEquals("1:4", at(s));
  }

  @Test
  void doubleQuotedValuesWithEscapes() {
    Scalar s = scalar(map(read("a: \"tab\\there \\\"q\\\" \\\\ \\x41\\u00e9 \\n\"\n"))
        .get("a").orElseThrow());
    assertEquals("tab\there \"q\" \\ A\u00e9 \n", s.value());
    assertEquals(Style.DOUBLE_QUOTED, s.style());
  }

  @Test
  void quotedKeys() {
    assertEquals("{a b: 1, c: 2}", show(read("\"a b\": 1\n'c' : 2\n")));
  }

  @Test
  void flowSequencesAndMappings() {
    Mapping root = map(read("""
        services: [22/tcp, "80/tcp" , 443/tcp]
        office: {network: 198.51.100.0/24, via: wan0}
        nested: [a, [b, c], {d: 1, e: [f]}]
        empty: [ ]
        none: {}
        trailing: [a, b,]
        nulls: {a, b: }
        """));
    assertEquals("{services: [22/tcp, 80/tcp, 443/tcp], office: {network: 198.51.100.0/24,"
        + " via: wan0}, nested: [a, [b, c], {d: 1, e: [f]}], empty: [], none: {},"
        + " trailing: [a, b], nulls: {a: ~, b: ~}}", show(root));
    Sequence services = seq(root.get("services").orElseThrow());
    assertEquals("1:11", at(services));
    assertEquals("1:20", at(services.items().get(1)));
    Mapping office = map(root.get("office").orElseThrow());
    assertEquals("2:9", at(office));
    assertEquals("2:41", at(office.get("via").orElseThrow()));
  }

  @Test
  void flowCollectionsMaySpanLines() {
    YamlNode root = read("""
        members: [
          192.0.2.66,   # the attacker
          192.0.2.67,
        ]
        next: {a: 1,
               b: 2}
        """);
    assertEquals("{members: [192.0.2.66, 192.0.2.67], next: {a: 1, b: 2}}", show(root));
    assertEquals("3:3", at(seq(map(root).get("members").orElseThrow()).items().get(1)));
  }

  @Test
  void flowValuesMayHoldColonsNotFollowedBySpace() {
    assertEquals("{mac: 52:54:00:12:34:56}", show(read("{mac: 52:54:00:12:34:56}")));
  }

  @Test
  void documentStartAndEndMarkers() {
    assertEquals("{a: 1}", show(read("# header\n---\na: 1\n...\n# trailer\n")));
    assertEquals("[a, b]", show(read("--- [a, b]\n")));
  }

  @Test
  void emptyDocumentIsANullScalar() {
    assertTrue(scalar(read("")).isNull());
    assertTrue(scalar(read("# only a comment\n\n---\n")).isNull());
  }

  @Test
  void rootMayBeAScalar() {
    assertEquals("hello world", scalar(read("  hello world  # hi\n")).value());
  }

  @Test
  void windowsLineEndingsAndByteOrderMark() {
    assertEquals("{a: 1, b: [x]}", show(read("\uFEFFa: 1\r\nb:\r\n  - x\r\n")));
  }

  @Test
  void literalBlockScalarsKeepLineBreaks() {
    Mapping root = map(read("""
        a: |
          line one
            indented
        
          after blank
        b: |-
          stripped
        
        c: |+
          kept
        
        d: x
        """));
    assertEquals("line one\n  indented\n\nafter blank\n",
        scalar(root.get("a").orElseThrow()).value());
    assertEquals(Style.LITERAL, scalar(root.get("a").orElseThrow()).style());
    assertEquals("1:4", at(root.get("a").orElseThrow()));
    assertEquals("stripped", scalar(root.get("b").orElseThrow()).value());
    assertEquals("kept\n\n", scalar(root.get("c").orElseThrow()).value());
    assertEquals("x", scalar(root.get("d").orElseThrow()).value());
  }

  @Test
  void foldedBlockScalarsJoinLines() {
    Mapping root = map(read("""
        text: >
          The firewall of a
          small company.
        
          Second paragraph.
        list:
          - >-
            folded in
            a list
        """));
    assertEquals("The firewall of a small company.\nSecond paragraph.\n",
        scalar(root.get("text").orElseThrow()).value());
    assertEquals("[folded in a list]", show(root.get("list").orElseThrow()));
  }

  @Test
  void emptyBlockScalar() {
    assertEquals("", scalar(map(read("a: |\nb: 1\n")).get("a").orElseThrow()).value());
  }

  @Test
  void mappingLookups() {
    Mapping root = map(read("a: 1\nb: 2\n"));
    assertEquals("2", scalar(root.get("b").orElseThrow()).value());
    assertTrue(root.get("c").isEmpty());
    assertEquals("2:1", at(root.entry("b").orElseThrow().key()));
    assertEquals("a mapping", root.kind());
  }
}
