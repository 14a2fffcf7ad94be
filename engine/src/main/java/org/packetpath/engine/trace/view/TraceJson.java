package org.packetpath.engine.trace.view;

import java.util.List;
import java.util.Optional;
import org.packetpath.engine.trace.RuleHit;
import org.packetpath.engine.trace.Trace;

/**
 * Traces as JSON: the stable contract that {@code lab trace --json} prints and that instructors'
 * scripts read. {@link #array} gives a JSON array with one object per packet sent:
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
public final class TraceJson {
  private TraceJson() {}

  /** A JSON array with one object per trace, in order. */
  public static String array(List<Trace> traces) {
    StringBuilder out = new StringBuilder();
    writeTraces(out, traces, 0);
    return out.toString();
  }

  /** One trace as a JSON object (one element of {@link #array}). */
  public static String object(Trace trace) {
    StringBuilder out = new StringBuilder();
    writeTrace(out, trace, 0);
    return out.toString();
  }

  private static void writeTraces(StringBuilder out, List<Trace> traces, int level) {
    if (traces.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append("[\n");
    for (int i = 0; i < traces.size(); i++) {
      indent(out, level + 1);
      writeTrace(out, traces.get(i), level + 1);
      out.append(i < traces.size() - 1 ? ",\n" : "\n");
    }
    indent(out, level);
    out.append(']');
  }

  private static void writeTrace(StringBuilder out, Trace trace, int level) {
    out.append("{\n");
    field(out, level + 1, "packet").append(quote(trace.packet().toString())).append(",\n");
    field(out, level + 1, "ctstate").append(quote(trace.ctState())).append(",\n");
    field(out, level + 1, "steps");
    writeHits(out, trace.hits(), level + 1);
    out.append(",\n");
    field(out, level + 1, "disposition").append(quote(trace.disposition().name())).append(",\n");
    field(out, level + 1, "out").append(nullable(trace.out())).append(",\n");
    field(out, level + 1, "final")
        .append(nullable(trace.finalPacket().map(Object::toString))).append(",\n");
    field(out, level + 1, "generated");
    writeTraces(out, trace.generated(), level + 1);
    out.append('\n');
    indent(out, level);
    out.append('}');
  }

  private static void writeHits(StringBuilder out, List<RuleHit> hits, int level) {
    if (hits.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append("[\n");
    for (int i = 0; i < hits.size(); i++) {
      RuleHit hit = hits.get(i);
      indent(out, level + 1);
      out.append("{\n");
      field(out, level + 2, "hook").append(quote(hit.hook().name())).append(",\n");
      field(out, level + 2, "table").append(quote(hit.table().label())).append(",\n");
      field(out, level + 2, "chain").append(quote(hit.chain())).append(",\n");
      field(out, level + 2, "rule")
          .append(hit.isPolicy() ? quote("policy") : Integer.toString(hit.rule())).append(",\n");
      field(out, level + 2, "target").append(quote(hit.target())).append('\n');
      indent(out, level + 1);
      out.append(i < hits.size() - 1 ? "},\n" : "}\n");
    }
    indent(out, level);
    out.append(']');
  }

  private static StringBuilder field(StringBuilder out, int level, String name) {
    indent(out, level);
    return out.append(quote(name)).append(": ");
  }

  private static void indent(StringBuilder out, int level) {
    out.append("  ".repeat(level));
  }

  private static String nullable(Optional<String> value) {
    return value.map(TraceJson::quote).orElse("null");
  }

  /** {@code s} as a JSON string literal, quotes included. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || lone(s, i)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** Whether the char at {@code i} is a surrogate without its other half. */
  private static boolean lone(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }
}
