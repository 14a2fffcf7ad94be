package org.packetpath.engine.packet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.packetpath.engine.ext.ArgException;
import org.packetpath.engine.ext.Args;
import org.packetpath.engine.ext.Ports;
import org.packetpath.engine.ext.IcmpTypes;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.InputException;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.net.Protocols;

/**
 * Reads the packet syntax used on the command line, in exercise checks and in JShell:
 *
 * <pre>
 * PROTO SRC[:SPORT] &gt; DST[:DPORT] [FLAGS] [icmp TYPE[/CODE] [about HEADER]]
 *     (in IFACE | local) [ttl N] [mark N]
 * tcp 192.0.2.7:40001 &gt; 203.0.113.1:22 SYN in wan0
 * tcp office:40000 &gt; fw:22 in wan0
 * udp 10.0.0.2:5353 &gt; 198.51.100.7:53 in lan0
 * sctp 192.0.2.7:40001 &gt; 10.0.0.2:38412 in wan0
 * gre 192.0.2.7 &gt; 10.0.0.2 in wan0
 * 253 192.0.2.7 &gt; 10.0.0.2 in wan0
 * icmp 10.0.0.2 &gt; 203.0.113.1 icmp echo-request in lan0
 * icmp 192.0.2.10 &gt; 203.0.113.1 icmp port-unreachable about udp 203.0.113.1:40020 &gt; 192.0.2.10:9 in wan0
 * </pre>
 *
 * <p>{@code about} gives an ICMP error's embedded header: the packet it reports on.
 *
 * <p>PROTO is any protocol by its {@code /etc/protocols} name or its number 0..255. TCP, UDP,
 * SCTP, DCCP and UDP-Lite packets have ports; the others have none. A packet carries its
 * protocol's header and no payload ({@link Packet#headerLength}).
 *
 * <p>TCP flags are FIN, SYN, RST, PSH, ACK, URG and the two ECN bits ECE and CWR ({@code tcp
 * 192.0.2.7:40001 &gt; 203.0.113.1:80 SYN,ECE,CWR in wan0} asks for ECN).
 *
 * <p>TCP without flags means SYN; a missing source port is 40000; ICMP without a type is an echo
 * request. Names stand for addresses through a {@link Names} resolver (a topology's hosts).
 */
public final class PacketSyntax {
  private PacketSyntax() {}

  /** Turns a host, network or firewall name into an address. */
  @FunctionalInterface
  public interface Names {
    /**
     * The address {@code name} stands for; {@code in} is where the packet arrives (empty for
     * {@code local}), for names whose address depends on it, like the firewall's own.
     */
    Optional<Integer> resolve(String name, Optional<String> in);

    /** No names at all: only addresses. */
    Names NONE = (name, in) -> Optional.empty();
  }

  /** The default source port when none is given. */
  public static final int DEFAULT_SOURCE_PORT = 40000;

  private record Word(String text, int column) {}

  /**
   * Reads {@code text}; {@code source} names it in diagnostics (a file:line where it came from,
   * or "packet"). Throws {@link InputException} with one located diagnostic when it is wrong.
   */
  public static PacketSpec parse(String text, Names names, SourcePosition source) {
    List<Word> words = split(text);
    Reader r = new Reader(text, words, names, source);
    return r.read();
  }

  /** Reads {@code text} without a source position. */
  public static PacketSpec parse(String text, Names names) {
    return parse(text, names, new SourcePosition("packet", 1, 0));
  }

  private static List<Word> split(String text) {
    List<Word> words = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        words.add(new Word(text.substring(start, i), start + 1));
      }
    }
    return words;
  }

  private static final class Reader {
    private final String text;
    private final List<Word> words;
    private final Names names;
    private final SourcePosition source;
    private int pos;

    Reader(String text, List<Word> words, Names names, SourcePosition source) {
      this.text = text;
      this.words = words;
      this.names = names;
      this.source = source;
    }

    /** What the words say about a header, before names are resolved. */
    private record Header(int protocol, Word source, Word destination, int flags, int icmpType,
        int icmpCode, Optional<Header> about) {}

    PacketSpec read() {
      Header header = header(true);
      Word where = next("where the packet comes from: `in IFACE' or `local'");
      Optional<String> in;
      if (where.text().equals("local")) {
        in = Optional.empty();
      } else if (where.text().equals("in")) {
        in = Optional.of(next("the interface the packet arrives on").text());
      } else {
        throw error(where, "expected `in IFACE' or `local' but found `" + where.text() + "'",
            "say where the packet starts: arriving on an interface (in wan0) or sent by the"
                + " firewall itself (local)");
      }
      int ttl = 64;
      long mark = 0;
      while (pos < words.size()) {
        Word option = words.get(pos++);
        switch (option.text()) {
          case "ttl" -> ttl = (int) number(next("a TTL 0..255"), 0, 255);
          case "mark" -> mark = number(next("a mark"), 0, 0xffffffffL);
          default -> throw error(option, "unexpected `" + option.text() + "'",
              "after the interface only `ttl N' and `mark N' may follow");
        }
      }
      return new PacketSpec(packet(header, in).withTtl(ttl).withMark(mark), in);
    }

    /** PROTO SRC > DST [FLAGS] [icmp TYPE [about HEADER]]. */
    private Header header(boolean outer) {
      Word protoWord = next("a protocol: tcp, udp, icmp, another name or a number 0..255");
      Optional<Integer> number = Protocols.number(protoWord.text());
      if (number.isPresent() && number.get() == 0 && !protoWord.text().equals("0")) {
        throw error(protoWord, "`" + protoWord.text() + "' is any protocol, not one",
            "a packet has one protocol: write 0 for protocol number 0");
      }
      int protocol = number.orElseThrow(() -> error(protoWord,
          "unknown protocol `" + protoWord.text() + "'",
          "start with a protocol name as /etc/protocols spells it (tcp, udp, icmp, sctp, gre,"
              + " esp ...) or a protocol number 0..255"));
      Word srcWord = next("the source address");
      Word arrow = next("`>' between source and destination");
      if (!arrow.text().equals(">")) {
        throw error(arrow, "expected `>' but found `" + arrow.text() + "'",
            "write SOURCE > DESTINATION, with spaces around >");
      }
      Word dstWord = next("the destination address");
      int flags = protocol == Packet.TCP ? TcpFlags.SYN : 0;
      int icmpType = protocol == Packet.ICMP ? 8 : -1;
      int icmpCode = protocol == Packet.ICMP ? 0 : -1;
      if (protocol == Packet.TCP && pos < words.size() && looksLikeFlags(words.get(pos).text())) {
        flags = flags(words.get(pos++));
      }
      Optional<Header> about = Optional.empty();
      if (pos < words.size() && words.get(pos).text().equals("icmp")) {
        Word icmp = words.get(pos++);
        if (protocol != Packet.ICMP) {
          throw error(icmp, "icmp TYPE only goes with icmp packets", "");
        }
        Word type = next("an ICMP type such as echo-request or 3/3");
        int[] tc = icmp(type);
        icmpType = tc[0];
        icmpCode = tc[1];
        if (outer && pos < words.size() && words.get(pos).text().equals("about")) {
          Word aboutWord = words.get(pos++);
          if (!isError(icmpType)) {
            throw error(aboutWord, "only ICMP errors are about another packet", "");
          }
          about = Optional.of(header(false));
        }
      }
      return new Header(protocol, srcWord, dstWord, flags, icmpType, icmpCode, about);
    }

    private static boolean isError(int icmpType) {
      return icmpType == 3 || icmpType == 4 || icmpType == 5 || icmpType == 11 || icmpType == 12;
    }

    private Packet packet(Header h, Optional<String> in) {
      Endpoint src = endpoint(h.source(), h.protocol(), in, true);
      Endpoint dst = endpoint(h.destination(), h.protocol(), in, false);
      Packet packet = switch (h.protocol()) {
        case Packet.TCP -> Packet.tcp(src.address, src.port, dst.address, dst.port, h.flags());
        case Packet.ICMP -> Packet.icmp(src.address, dst.address, h.icmpType(), h.icmpCode());
        default -> Packet.other(h.protocol(), src.address, src.port, dst.address, dst.port);
      };
      if (h.about().isPresent()) {
        Packet inner = packet(h.about().get(), in);
        packet = packet.withEmbedded(Optional.of(inner))
            .withLength(Math.min(576, 28 + inner.length()));
      }
      return packet;
    }

    private record Endpoint(int address, int port) {}

    private Endpoint endpoint(Word word, int protocol, Optional<String> in, boolean isSource) {
      String t = word.text();
      int colon = t.lastIndexOf(':');
      String host = colon < 0 ? t : t.substring(0, colon);
      int port = 0;
      if (Packet.hasPorts(protocol)) {
        if (colon < 0) {
          if (!isSource) {
            throw error(word, "missing destination port",
                "write the port after a colon, as in " + t + ":22");
          }
          port = DEFAULT_SOURCE_PORT;
        } else {
          try {
            port = Ports.port(t.substring(colon + 1));
          } catch (ArgException e) {
            throw error(new Word(t.substring(colon + 1), word.column() + colon + 1),
                e.getMessage(), e.explanation());
          }
        }
      } else if (colon >= 0) {
        throw error(word, Protocols.packetName(protocol) + " packets have no ports", "");
      }
      Optional<Integer> address = Ipv4.parse(host).or(() -> names.resolve(host, in));
      if (address.isEmpty()) {
        throw error(new Word(host, word.column()), "unknown host `" + host + "'",
            "use an IPv4 address or a name from the topology");
      }
      return new Endpoint(address.get(), port);
    }

    private static boolean looksLikeFlags(String t) {
      return !t.isEmpty() && t.chars().allMatch(c -> Character.isUpperCase(c) || c == ',')
          || t.equalsIgnoreCase("none") || t.matches("(?i)(fin|syn|rst|psh|ack|urg|ece|cwr)(,.*)?");
    }

    private int flags(Word word) {
      if (word.text().equalsIgnoreCase("NONE")) {
        return 0;
      }
      int flags = 0;
      for (String name : word.text().split(",", -1)) {
        int bit = TcpFlags.bit(name.toUpperCase(Locale.ROOT));
        if (bit < 0) {
          throw error(word, "unknown TCP flag `" + name + "'",
              "TCP flags are FIN, SYN, RST, PSH, ACK, URG and the ECN bits ECE and CWR,"
                  + " joined by commas, or NONE");
        }
        flags |= bit;
      }
      return flags;
    }

    private int[] icmp(Word word) {
      Optional<IcmpTypes.IcmpType> named = IcmpTypes.byName(word.text());
      if (named.isPresent()) {
        return new int[] {named.get().type(), Math.max(0, named.get().code())};
      }
      String[] parts = word.text().split("/", -1);
      Optional<Long> type = Args.unsigned(parts[0]).filter(n -> n <= 255);
      Optional<Long> code = parts.length == 2 ? Args.unsigned(parts[1]).filter(n -> n <= 255)
          : Optional.of(0L);
      if (parts.length > 2 || type.isEmpty() || code.isEmpty()) {
        throw error(word, "unknown ICMP type `" + word.text() + "'",
            "use a name such as echo-request or port-unreachable, or TYPE/CODE numbers");
      }
      return new int[] {type.get().intValue(), code.get().intValue()};
    }

    private long number(Word word, long min, long max) {
      Optional<Long> n = Args.parseC(word.text()).filter(v -> v >= min && v <= max);
      return n.orElseThrow(() -> error(word, "bad number `" + word.text() + "'",
          "expected a number from " + min + " to " + max));
    }

    private Word next(String what) {
      if (pos >= words.size()) {
        throw error(new Word("", text.length() + 1), "expected " + what, "");
      }
      return words.get(pos++);
    }

    private InputException error(Word word, String message, String explanation) {
      SourcePosition at = new SourcePosition(source.file(), Math.max(source.line(), 1),
          source.column() + word.column());
      Diagnostic d = Diagnostic.error(at, text, message);
      return new InputException(List.of(explanation.isEmpty() ? d : d.explained(explanation)));
    }
  }
}
