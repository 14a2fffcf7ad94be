package org.packetpath.lab.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.trace.RuleHit;
import org.packetpath.engine.trace.Trace;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.JsonpCharacterEscapes;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Traces as JSON: the stable contract that {@code ./packetpath trace --json} prints and that
 * instructors' scripts read. {@link #array} gives a JSON array with one object per packet sent:
 *
 * <pre>
 * [
 *   {
 *     "packet": "tcp 192.0.2.66:40002 &gt; 203.0.113.1:80 SYN in wan0",
 *     "ctstate": "NEW",
 *     "steps": [
 *       {
 *         "hook": "PREROUTING",
 *         "table": "nat",
 *         "chain": "PREROUTING",
 *         "rule": "policy",
 *         "target": "ACCEPT"
 *       },
 *       {
 *         "hook": "INPUT",
 *         "table": "filter",
 *         "chain": "INPUT",
 *         "rule": 4,
 *         "target": "DROP"
 *       }
 *     ],
 *     "disposition": "DROPPED",
 *     "out": null,
 *     "final": null,
 *     "generated": []
 *   }
 * ]
 * </pre>
 *
 * <p>Every object has exactly these fields, always present, in this order:
 *
 * <ul>
 *   <li>{@code packet} (string): the packet as it was sent, in packet syntax, with where it
 *       entered ({@code in wan0}, or {@code local} for a packet the firewall sends itself).
 *   <li>{@code ctstate} (string): its connection-tracking state as the rules after the raw table
 *       saw it: {@code NEW}, {@code ESTABLISHED}, {@code RELATED}, {@code INVALID} or {@code
 *       UNTRACKED}. {@code INVALID} too when no rule needs connection tracking.
 *   <li>{@code steps} (array): the rules and policies the packet hit, in order: exactly what it
 *       adds to the counters. Each is an object with, in this order, {@code hook} (the hook the
 *       packet was at, {@code PREROUTING} … {@code POSTROUTING}), {@code table} ({@code raw},
 *       {@code mangle}, {@code nat}, {@code filter}, {@code security}), {@code chain} (the chain
 *       the rule is in, built-in or user-defined), {@code rule} (the 1-based rule number as a
 *       JSON number, or the string {@code "policy"} when the built-in chain's policy decided) and
 *       {@code target} (the rule's target as {@code iptables -L} shows it, such as {@code
 *       ACCEPT}, {@code LOGDROP} or {@code DNAT}; the policy for a policy; the empty string for a
 *       rule without a target). Rules that were checked but did not match are not listed.
 *   <li>{@code disposition} (string): how the journey ended: {@code LOCAL} (delivered to the
 *       firewall itself), {@code FORWARDED}, {@code SENT} (sent by the firewall), {@code
 *       DROPPED}, {@code REJECTED} or {@code ROUTING_DROP} (dropped by the routing decision).
 *   <li>{@code out} (string or null): the interface the packet left by, or null when it did not
 *       leave.
 *   <li>{@code final} (string or null): the packet as it left, after NAT, in packet syntax
 *       without the interface, or null when it did not leave.
 *   <li>{@code generated} (array): the packets the firewall sent in answer (a SYN-ACK, a reset,
 *       an ICMP error), each an object of this same shape; answers to answers are not followed,
 *       so their {@code generated} is empty.
 * </ul>
 *
 * <p>The text is pretty-printed with two spaces per level, one field or element per line, an
 * empty array as {@code []}, and no newline at the end. Strings escape {@code "} and {@code \}
 * with a backslash and control characters (and U+2028, U+2029, and unpaired surrogates) as
 * {@code \}{@code uXXXX}; other characters appear as they are (the output is UTF-8). The
 * contract only ever grows by fields added after {@code generated}: scripts that look fields up
 * by name keep working.
 */
final class TraceJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Jackson, set up to write exactly the text the contract describes. */
  private static final ObjectWriter WRITER = JsonMapper.builder(JsonFactory.builder()
          .characterEscapes(new Escapes())
          .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
          .build())
      .build()
      .writer()
      .with(new DefaultPrettyPrinter()
          .withSeparators(Separators.createDefaultInstance()
              .withObjectNameValueSpacing(Separators.Spacing.AFTER)
              .withObjectEmptySeparator("")
              .withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private TraceJson() {}

  /**
   * How strings are escaped: every control character (DEL included) as {@code \}{@code uXXXX},
   * never the short forms such as {@code \}{@code n}; U+2028 and U+2029 too, as JSONP needs.
   * Unpaired surrogates Jackson escapes itself when it writes UTF-8.
   */
  private static final class Escapes extends JsonpCharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

    Escapes() {
      for (int c = 0; c < 0x20; c++) {
        ascii[c] = CharacterEscapes.ESCAPE_STANDARD;
      }
      ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }
  }

  /** A JSON array with one object per trace, in order. */
  static String array(List<Trace> traces) {
    return write(traces(traces));
  }

  /** One trace as a JSON object (one element of {@link #array}). */
  static String object(Trace trace) {
    return write(trace(trace));
  }

  private static String write(JsonNode node) {
    return new String(WRITER.writeValueAsBytes(node), StandardCharsets.UTF_8);
  }

  private static ArrayNode traces(List<Trace> traces) {
    ArrayNode array = NODES.arrayNode();
    traces.forEach(t -> array.add(trace(t)));
    return array;
  }

  private static ObjectNode trace(Trace trace) {
    ObjectNode o = NODES.objectNode();
    o.put("packet", trace.packet().toString());
    o.put("ctstate", trace.ctState().name());
    ArrayNode steps = o.putArray("steps");
    trace.hits().forEach(h -> steps.add(hit(h)));
    o.put("disposition", trace.disposition().name());
    nullable(o, "out", trace.out());
    nullable(o, "final", trace.finalPacket().map(Object::toString));
    o.set("generated", traces(trace.generated()));
    return o;
  }

  private static ObjectNode hit(RuleHit hit) {
    ObjectNode o = NODES.objectNode();
    o.put("hook", hit.hook().name());
    o.put("table", hit.table().label());
    o.put("chain", hit.chain());
    if (hit.isPolicy()) {
      o.put("rule", "policy");
    } else {
      o.put("rule", hit.rule());
    }
    o.put("target", hit.target());
    return o;
  }

  private static void nullable(ObjectNode o, String name, Optional<String> value) {
    if (value.isPresent()) {
      o.put(name, value.get());
    } else {
      o.putNull(name);
    }
  }
}
