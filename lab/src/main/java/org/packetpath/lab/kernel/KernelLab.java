package org.packetpath.lab.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.packetpath.engine.input.Checks;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.packet.PacketSpec;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.parse.SavePrinter;
import org.packetpath.engine.pipeline.Backend;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.topology.Topology;

/**
 * A topology built on the real Linux kernel, to send packets through and observe what the
 * kernel did: the oracle the simulator is checked against. Needs root, {@code ip} (iproute2),
 * {@code iptables-nft-restore}/{@code -save} or their {@code legacy} twins, {@code conntrack}
 * (conntrack-tools), {@code python3} (standard library only) and, for topologies with sets,
 * {@code ipset}; {@link #unavailable()} says what is missing.
 *
 * <pre>{@code
 * try (KernelLab lab = KernelLab.start(topology, Backend.NFT)) {
 *   Load load = lab.load(rulesText);          // iptables-restore's exit code and message
 *   lab.reset();                              // zero counters, flush conntrack
 *   Observation seen = lab.send(spec);        // counters, frames out, conntrack -L
 * }
 * }</pre>
 *
 * <h2>How the lab is built</h2>
 *
 * <ul>
 *   <li><b>Namespaces.</b> The firewall gets its own network namespace, {@code
 *       pp<pid>-<n>-fw}; each of its interfaces (lo excluded) is one end of a veth pair whose
 *       other end, of the same name, lies in a peer namespace {@code pp<pid>-<n>-<interface>}.
 *       Names are unique per JVM and lab, so labs run side by side. {@link #close} deletes
 *       them all, also when {@code start} fails half way and, through a shutdown hook, when the
 *       JVM exits with labs open.
 *   <li><b>The firewall</b> gets the topology's addresses (with broadcast), MAC addresses
 *       (generated ones when the topology gives none), routes, {@code ip_forward}, {@code
 *       rp_filter} (all; default 0; each interface its own or 0), {@code
 *       nf_conntrack_tcp_loose}, and ipsets. Pinned for reproducible answers: {@code
 *       nf_conntrack_checksum=0}, {@code icmp_ratelimit=0} with a huge {@code
 *       icmp_msgs_per_sec} (else most ICMP errors to one host are suppressed), {@code
 *       send_redirects=0} (redirects are rate limited by history), IPv6 off everywhere (no
 *       neighbour discovery noise).
 *   <li><b>Neighbours.</b> The firewall's interfaces run without ARP ({@code ip link set dev
 *       X arp off}): the kernel then needs no neighbour resolution and addresses every frame
 *       on the link to the interface's own MAC address. So any next hop, the default gateway
 *       as much as a DNAT target, "resolves" at once, and the peer's kernel, whose MAC differs,
 *       treats every frame as meant for another host and never answers (pitfall: an injected
 *       packet's answer must not provoke the peer's stack). Peers have no IP address and do not
 *       forward.
 *   <li><b>The agent.</b> One Python process ({@code agent.py}) runs in the firewall's
 *       namespace for the whole life of the lab and holds every socket: one {@code AF_PACKET}
 *       socket per peer (entered with {@code setns}) that injects frames and captures what
 *       arrives from the firewall, a raw {@code IP_HDRINCL} socket for the firewall's own
 *       packets, and a listening TCP or bound UDP socket per service (never accepting, so no
 *       application ever answers). Java talks to it over stdin and stdout; nothing else is
 *       started per packet except {@code iptables-save -c} and {@code conntrack -L}, which run
 *       side by side.
 * </ul>
 *
 * <h2>Sending</h2>
 *
 * A packet arriving {@code in wan0} is built byte for byte from its {@link Packet} (class {@code
 * Wire}: exact length, TTL, TOS, flags, ICMP errors with their embedded packet, correct
 * checksums) in an Ethernet frame to the firewall interface's MAC (broadcast for broadcast
 * addresses), and sent from the peer. TCP sequence numbers and ICMP echo ids continue the flow
 * as seen so far (class {@code Flows}), so an answer really answers. A {@code local} packet is sent
 * from the firewall's raw socket (its mark as {@code SO_MARK}) and so traverses OUTPUT. The
 * agent then collects the frames arriving at the peers until none has come for the settle
 * time ({@code -Dpacketpath.kernel.settleMillis}, default 5 ms; at most {@code
 * packetpath.kernel.limitMillis}, default 500 ms), and reads counters ({@code iptables-save
 * -c}) and conntrack ({@code conntrack -L}, skipped while the namespace's {@code
 * nf_conntrack_count} is 0) side by side. The kernel handles a veth frame synchronously, in the
 * sending call (measured: every frame's kernel timestamp precedes the return of {@code send}),
 * so the settle time only covers scheduling.
 *
 * <h2>Cases</h2>
 *
 * {@link #load} and {@link #reset} start a new case: the services' sockets are closed and
 * reopened (forgetting half-open and established connections, so no SYN-ACK is retransmitted
 * into a later case), counters are zeroed, conntrack is flushed, frames not yet read are
 * dropped, and the remembered TCP sequence numbers are forgotten.
 *
 * <h2>Cost</h2>
 *
 * Measured on 2 cores (Linux 6.18, iptables 1.8.9): {@code start} 115-235 ms, {@code close}
 * 20-40 ms; {@code load} 20-30 ms with nft (each nf_tables transaction that changes something
 * waits for an RCU grace period), 9-18 ms with legacy; {@code reset} 22 ms (nft), 3 ms
 * (legacy); {@code send} 8 ms without connection tracking, 19 ms with it ({@code conntrack -L}
 * walks the host-wide conntrack hash, about 10 ms with 262144 buckets). A case of one load and
 * five packets took 139 ms (nft) and 115 ms (legacy), three labs in parallel JVMs 170 ms each.
 *
 * <h2>Limits</h2>
 *
 * <ul>
 *   <li>A packet cannot arrive with a mark: marks do not cross namespaces.
 *   <li>With the legacy backend a table, once used, stays in the namespace (the kernel cannot
 *       remove it): a later ruleset without it leaves it empty with ACCEPT policies, still
 *       counting its policies. With iptables-nft a table the ruleset does not restore is
 *       deleted, as in a fresh namespace.
 *   <li>Loopback traffic (local to local) is counted but not captured: lo has no peer.
 *   <li>Labs of a JVM killed with SIGKILL leave their namespaces ({@code ip netns list | grep
 *       ^pp}); any other exit removes them.
 * </ul>
 *
 * <p>This class drives the cases (load, reset, send, observe); building and deleting the
 * namespaces belongs to {@code Namespaces}, loading and reading the rules to {@code Iptables},
 * and the wire format, flows and plan live in their own classes.
 */
public final class KernelLab implements AutoCloseable {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final Set<KernelLab> OPEN = new LinkedHashSet<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(KernelLab::closeAll, "kernel-lab-cleanup"));
  }

  private final Topology topology;
  private final Backend backend;
  private final LabPlan plan;
  private final Namespaces namespaces;
  private final Iptables iptables;
  private final String conntrack;
  private final Flows flows = new Flows();
  private Agent agent;
  private boolean closed;

  private KernelLab(Topology topology, Backend backend, LabPlan plan) {
    this.topology = topology;
    this.backend = backend;
    this.plan = plan;
    this.namespaces = new Namespaces(plan);
    this.iptables = new Iptables(backend, this::live);
    this.conntrack = Tools.require("conntrack");
  }

  /**
   * Why the kernel cannot be used here with iptables-nft, or empty: not root, a program
   * missing, or network namespaces refused.
   */
  public static Optional<String> unavailable() {
    return unavailable(Backend.NFT);
  }

  /** Why the kernel cannot be used here with {@code backend}, or empty. */
  public static Optional<String> unavailable(Backend backend) {
    if (!Tools.isRoot()) {
      return Optional.of("the kernel lab needs root (it creates network namespaces)");
    }
    for (String program : Tools.needed(backend)) {
      if (Tools.find(program).isEmpty()) {
        return Optional.of("the kernel lab needs " + program + ", which is not installed");
      }
    }
    return Namespaces.refused();
  }

  /** Why {@code topology} cannot be built on the kernel here with {@code backend}, or empty. */
  public static Optional<String> unavailable(Topology topology, Backend backend) {
    Optional<String> general = unavailable(backend);
    if (general.isPresent() || topology.sets().isEmpty() || Tools.find("ipset").isPresent()) {
      return general;
    }
    return Optional.of("the topology's sets need ipset, which is not installed");
  }

  /**
   * Builds {@code topology} in fresh network namespaces, with no ruleset loaded. Throws {@link
   * KernelLabException}, having removed whatever it created, when any step fails.
   */
  public static KernelLab start(Topology topology, Backend backend) {
    Checks.nonNull("topology", topology, "backend", backend);
    String prefix = "pp" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
    KernelLab lab = new KernelLab(topology, backend, LabPlan.of(topology, prefix));
    synchronized (OPEN) {
      OPEN.add(lab);
    }
    try {
      Protocol.Program listConntrack = new Protocol.Program(List.of(lab.conntrack, "-L"),
          Optional.of("/proc/sys/net/netfilter/nf_conntrack_count"));
      lab.agent = lab.namespaces.build(List.of(lab.iptables.counters(), listConntrack));
      return lab;
    } catch (RuntimeException e) {
      lab.close();
      throw e;
    }
  }

  private Agent live() {
    if (closed || agent == null) {
      throw new IllegalStateException("the kernel lab is closed");
    }
    return agent;
  }

  /** The backend the rulesets are loaded with. */
  public Backend backend() {
    return backend;
  }

  /** The topology the lab was built from. */
  public Topology topology() {
    return topology;
  }

  /** The firewall's network namespace, for looking around with {@code ip netns exec}. */
  public String firewallNamespace() {
    return plan.firewallNamespace();
  }

  /**
   * Replaces the whole ruleset, so that the kernel holds what {@code rulesText} (save format)
   * restores and nothing else: first every table the text does not restore is emptied (with
   * iptables-nft it is deleted; with legacy, which cannot delete a table, every table is
   * flushed, its user chains deleted and its policies set to ACCEPT, since legacy keeps the
   * policy of a built-in chain the text does not declare), then {@code iptables-nft-restore}
   * or {@code iptables-legacy-restore} runs on the text, then a new case starts as with {@link
   * #reset}. When the restore fails, whatever it committed before the failing table stays
   * loaded, as on a real machine.
   */
  public Load load(String rulesText) {
    Objects.requireNonNull(rulesText, "rulesText");
    Load load = iptables.load(rulesText);
    newCase(!iptables.zeroesOnLoad());
    return load;
  }

  /**
   * Starts a new case: the services forget their connections, counters of all five tables
   * (rules and policies) are zeroed, conntrack is flushed, and frames not yet read are dropped.
   */
  public void reset() {
    newCase(true);
  }

  private void newCase(boolean zero) {
    live().call(new Protocol.Recycle());
    if (zero) {
      iptables.zero();
    }
    live().exec(List.of(conntrack, "-F"), "", true);
    flows.clear();
  }

  /**
   * The text iptables-restore loads for a rules file: the file itself when it is
   * iptables-save output; for a script of iptables commands, the save form it amounts to (which
   * declares every built-in chain, so a simulator comparing with the kernel reads this text
   * too).
   */
  public static String restoreText(String rulesText, Ruleset parsed) {
    return RulesParser.detect(rulesText) == RulesParser.Format.SAVE ? rulesText
        : SavePrinter.print(parsed, false);
  }

  /** What {@code iptables-save} prints now, without counters. */
  public String save() {
    return iptables.save();
  }

  /**
   * Why a lab cannot send {@code spec} whatever its topology, or empty: a packet cannot arrive
   * on lo, nor with a mark.
   */
  public static Optional<String> refusal(PacketSpec spec) {
    if (spec.in().isEmpty()) {
      return Optional.empty();
    }
    if (spec.in().get().equals("lo")) {
      return Optional.of("a packet cannot arrive on lo from outside; send it local");
    }
    if (spec.packet().mark() != 0) {
      return Optional.of("a packet cannot arrive with a mark: marks do not cross network"
          + " namespaces");
    }
    return Optional.empty();
  }

  /**
   * Sends one packet and observes what the kernel did with it: the counters after it, the
   * frames that left the firewall because of it, and the conntrack table.
   *
   * @throws IllegalArgumentException if the packet arrives on an interface the topology lacks,
   *     or the lab refuses it ({@link #refusal})
   */
  public Observation send(PacketSpec spec) {
    Objects.requireNonNull(spec, "spec");
    Optional<String> refused = refusal(spec);
    if (refused.isPresent()) {
      throw new IllegalArgumentException(refused.get());
    }
    Packet packet = spec.packet();
    byte[] bytes = Wire.ipv4(packet, flows);
    Protocol.Send request;
    if (spec.in().isPresent()) {
      LabPlan.Link link = link(spec.in().get());
      byte[] frame = Wire.ethernet(link.destinationMac(packet.destination()),
          Wire.mac(link.peerMac()), bytes);
      request = new Protocol.Send(Optional.of(link.device().name()), Optional.empty(), 0,
          Wire.hex(frame));
    } else {
      request = new Protocol.Send(Optional.empty(), Optional.of(Ipv4.format(packet.destination())),
          packet.mark(), Wire.hex(bytes));
    }
    flows.saw(bytes);
    return observation(live().call(request, Protocol.Sent.class));
  }

  private LabPlan.Link link(String name) {
    return plan.links().stream().filter(l -> l.device().name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the firewall has no interface " + name));
  }

  private Observation observation(Protocol.Sent reply) {
    List<Frame> frames = new ArrayList<>();
    for (Protocol.Captured captured : reply.frames()) {
      Optional<byte[]> ip = Wire.ipOf(Wire.unhex(captured.hex()));
      if (ip.isEmpty()) {
        continue;
      }
      flows.saw(ip.get());
      Wire.parse(ip.get()).ifPresent(p -> frames.add(new Frame(captured.via(), p)));
    }
    Protocol.Ran counters = reply.snapshot().get(0);
    Protocol.Ran connections = reply.snapshot().get(1);
    Ruleset read = iptables.read(counters);
    if (connections.rc() != 0) {
      throw new KernelLabException(conntrack + " -L failed: " + connections.err().strip());
    }
    List<String> entries = connections.out().lines().filter(l -> !l.isBlank()).toList();
    String error = reply.sendError();
    return new Observation(read, counters.out(), frames, entries,
        error.isEmpty() ? Optional.empty() : Optional.of(error));
  }

  /** Deletes every namespace the lab created (their veth pairs go with them) and its agent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      namespaces.close();
    } finally {
      synchronized (OPEN) {
        OPEN.remove(this);
      }
    }
  }

  private static void closeAll() {
    List<KernelLab> labs;
    synchronized (OPEN) {
      labs = new ArrayList<>(OPEN);
    }
    labs.forEach(KernelLab::close);
  }
}
