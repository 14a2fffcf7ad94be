package org.packetpath.lab.packets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.InputException;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.packet.PacketSpec;
import org.packetpath.engine.packet.PacketSyntax;
import org.packetpath.engine.sim.Simulator;
import org.packetpath.engine.topology.Interface;
import org.packetpath.engine.topology.Topology;
import org.packetpath.engine.trace.Trace;

/**
 * Packets written in the packet syntax ({@link PacketSyntax}), read against a firewall, its
 * names and interfaces, and sent through it, one after another, sharing its connection table.
 * A bad packet is never sent and never thrown: every bad one comes back as a located
 * diagnostic ({@code packet 2:1:27: error: the firewall has no interface eth9}), and then no
 * packet is sent at all.
 *
 * <pre>{@code
 * Packets.Sent sent = Packets.send(fw, List.of("tcp attacker:40000 > fw:22 in wan0"));
 * if (sent.ok()) {
 *   sent.traces().forEach(t -> out.print(colour.render(TraceText.render(t))));
 * } else {
 *   sent.errors().forEach(d -> err.println(d.render()));
 * }
 * }</pre>
 */
public final class Packets {
  private Packets() {}

  /** What reading, or reading and sending, packets gave: the errors of the bad ones, if any. */
  public sealed interface Result permits Read, Sent {
    /** The diagnostics of the packets that could not be read. */
    List<Diagnostic> errors();

    /** Whether every packet was read (and so, for {@link Sent}, sent). */
    default boolean ok() {
      return errors().isEmpty();
    }
  }

  /** Packets read: all of them when {@link #ok}, else the errors of the bad ones. */
  public record Read(List<PacketSpec> packets, List<Diagnostic> errors) implements Result {
    public Read {
      packets = List.copyOf(packets);
      errors = List.copyOf(errors);
    }
  }

  /** Packets sent: a trace per packet, in order, when {@link #ok}; else the errors, none sent. */
  public record Sent(List<Trace> traces, List<Diagnostic> errors) implements Result {
    public Sent {
      traces = List.copyOf(traces);
      errors = List.copyOf(errors);
    }
  }

  /** Reads {@code packets} against {@code fw}; diagnostics name them packet 1, packet 2 ... */
  public static Read read(Simulator fw, List<String> packets) {
    return read(fw, packets, i -> "packet " + (i + 1));
  }

  /** Reads one packet against {@code fw}; diagnostics name it packet. */
  public static Read read(Simulator fw, String packet) {
    return read(fw, List.of(packet), i -> "packet");
  }

  /** Reads {@code packets} as {@link #read(Simulator, List)} does and sends them through fw. */
  public static Sent send(Simulator fw, List<String> packets) {
    return send(fw, read(fw, packets));
  }

  /** Reads one packet as {@link #read(Simulator, String)} does and sends it through fw. */
  public static Sent send(Simulator fw, String packet) {
    return send(fw, read(fw, packet));
  }

  private static Sent send(Simulator fw, Read read) {
    if (!read.ok()) {
      return new Sent(List.of(), read.errors());
    }
    return new Sent(read.packets().stream().map(fw::send).toList(), List.of());
  }

  private static Read read(Simulator fw, List<String> texts, IntFunction<String> name) {
    List<PacketSpec> packets = new ArrayList<>();
    List<Diagnostic> errors = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      SourcePosition where = new SourcePosition(name.apply(i), 1, 0);
      try {
        PacketSpec packet = PacketSyntax.parse(text, fw.names(), where);
        Optional<Diagnostic> unknown = unknownInterface(fw.topology(), packet, where, text);
        if (unknown.isPresent()) {
          errors.add(unknown.get());
        } else {
          packets.add(packet);
        }
      } catch (InputException e) {
        errors.addAll(e.diagnostics());
      }
    }
    return new Read(packets, errors);
  }

  /** The error for a packet arriving on an interface the firewall does not have. */
  private static Optional<Diagnostic> unknownInterface(Topology topology, PacketSpec packet,
      SourcePosition where, String text) {
    if (packet.in().isEmpty() || topology.interfaceNamed(packet.in().get()).isPresent()) {
      return Optional.empty();
    }
    int column = text.lastIndexOf(" in ") + 5;
    List<String> names = topology.interfaces().stream().map(Interface::name).toList();
    return Optional.of(Diagnostic.error(where.atColumn(column), text,
        "the firewall has no interface " + packet.in().get())
        .explained("its interfaces are " + String.join(", ", names)));
  }
}
