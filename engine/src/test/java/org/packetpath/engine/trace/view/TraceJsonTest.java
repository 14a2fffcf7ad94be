package org.packetpath.engine.trace.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.packet.PacketSpec;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.trace.Disposition;
import org.packetpath.engine.trace.RuleHit;
import org.packetpath.engine.trace.Trace;

/** JSON strings and the shape of the contract where the seed goldens do not reach. */
class TraceJsonTest {
  @Test
  void quotesAndBackslashesAreEscaped() {
    assertEquals("\"say \\\"hi\\\" to C:\\\\dir\"", TraceJson.quote("say \"hi\" to C:\\dir"));
  }

  @Test
  void controlCharactersBecomeUnicodeEscapes() {
    assertEquals("\"a\\u000ab\\u0009c\\u000d\\u0000\\u001f\\u007f\"",
        TraceJson.quote("a\nb\tc\r\u0000\u001f\u007f"));
  }

  @Test
  void lineSeparatorsAndLoneSurrogatesAreEscapedButOtherTextIsKept() {
    assertEquals("\"caf\u00e9 \ud83d\ude00 \\u2028\\u2029\"",
        TraceJson.quote("caf\u00e9 \ud83d\ude00 \u2028\u2029"));
    assertEquals("\"\\ud83d x \\ude00\"", TraceJson.quote("\ud83d x \ude00"));
  }

  @Test
  void emptyListsAndMissingValues() {
    Trace t = new Trace(new PacketSpec(Packet.udp(0x0a000002, 5353, 0xcb007101, 53),
        Optional.of("lan0")), "INVALID", List.of(), List.of(), Disposition.ROUTING_DROP,
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
    Trace t = new Trace(new PacketSpec(p, Optional.empty()), "NEW", List.of(),
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
