package org.packetpath.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.packet.PacketSpec;
import org.packetpath.engine.rules.CtState;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.trace.Disposition;
import org.packetpath.engine.trace.RuleHit;
import org.packetpath.engine.trace.Trace;
import org.packetpath.engine.trace.view.SeedTraces;

/**
 * The JSON contract: the seed traces against golden files ({@code -Dpacketpath.updateGoldens=true}
 * rewrites them), and strings and shapes the seeds do not reach.
 */
class TraceJsonTest {
  private static final Path GOLDENS = Path.of("src/test/resources/org/packetpath/lab/cli");

  static Stream<SeedTraces.Case> seeds() {
    return SeedTraces.all().stream();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void seedTracesAreTheirGoldenFiles(SeedTraces.Case seed) throws IOException {
    String name = seed.name() + ".json";
    String actual = TraceJson.array(seed.traces()) + "\n";
    if (Boolean.getBoolean("packetpath.updateGoldens")) {
      Files.writeString(GOLDENS.resolve(name), actual, StandardCharsets.UTF_8);
      return;
    }
    try (InputStream in = TraceJsonTest.class.getResourceAsStream(name)) {
      assertNotNull(in, "no golden file " + name);
      assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual,
          name + " differs; if intended, rerun with -Dpacketpath.updateGoldens=true");
    }
  }

  /** {@code chain} as the JSON writes it: the value of a step's {@code chain} field. */
  private static String chain(String chain) {
    Packet p = Packet.tcp(0xc0000242, 40000, 0xcb007101, 22, 2);
    Trace t = new Trace(new PacketSpec(p, Optional.empty()), CtState.NEW, List.of(),
        List.of(new RuleHit(Hook.OUTPUT, Table.FILTER, chain, 3, "")),
        Disposition.SENT, Optional.of("wan0"), Optional.of(p), List.of());
    String json = TraceJson.object(t);
    String field = "\"chain\": ";
    int from = json.indexOf(field) + field.length();
    return json.substring(from, json.indexOf(",\n", from));
  }

  @Test
  void quotesAndBackslashesAreEscaped() {
    assertEquals("\"say \\\"hi\\\" to C:\\\\dir\"", chain("say \"hi\" to C:\\dir"));
  }

  @Test
  void controlCharactersBecomeUnicodeEscapes() {
    assertEquals("\"a\\u000ab\\u0009c\\u000d\\u0000\\u001f\\u007f\"",
        chain("a\nb\tc\r\u0000\u001f\u007f"));
  }

  @Test
  void lineSeparatorsAndLoneSurrogatesAreEscapedButOtherTextIsKept() {
    assertEquals("\"caf\u00e9 \ud83d\ude00 \\u2028\\u2029\"",
        chain("caf\u00e9 \ud83d\ude00 \u2028\u2029"));
    assertEquals("\"\\ud83d x \\ude00\"", chain("\ud83d x \ude00"));
  }

  @Test
  void emptyListsAndMissingValues() {
    Trace t = new Trace(new PacketSpec(Packet.udp(0x0a000002, 5353, 0xcb007101, 53),
        Optional.of("lan0")), CtState.INVALID, List.of(), List.of(), Disposition.ROUTING_DROP,
        Optional.empty(), Optional.empty(), List.of());
    assertEquals("""
        {
          "packet": "udp 10.0.0.2:5353 > 203.0.113.1:53 in lan0",
          "ctstate": "INVALID",
          "steps": [],
          "disposition": "ROUTING_DROP",
          "out": null,
          "final": null,
          "generated": []
        }""", TraceJson.object(t));
    assertEquals("[]", TraceJson.array(List.of()));
  }

  @Test
  void oddChainNamesAndRulesWithoutTargetStayValid() {
    Packet p = Packet.tcp(0xc0000242, 40000, 0xcb007101, 22, 2);
    Trace t = new Trace(new PacketSpec(p, Optional.empty()), CtState.NEW, List.of(),
        List.of(new RuleHit(Hook.OUTPUT, Table.FILTER, "count\"me\\", 3, "")),
        Disposition.SENT, Optional.of("wan0"), Optional.of(p), List.of());
    assertEquals("""
        [
          {
            "packet": "tcp 192.0.2.66:40000 > 203.0.113.1:22 SYN local",
            "ctstate": "NEW",
            "steps": [
              {
                "hook": "OUTPUT",
                "table": "filter",
                "chain": "count\\"me\\\\",
                "rule": 3,
                "target": ""
              }
            ],
            "disposition": "SENT",
            "out": "wan0",
            "final": "tcp 192.0.2.66:40000 > 203.0.113.1:22 SYN",
            "generated": []
          }
        ]""", TraceJson.array(List.of(t)));
  }
}
