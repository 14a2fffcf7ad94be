package org.packetpath.engine.ext;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The registry of every match and target extension PacketPath understands. */
public final class Extensions {
  private Extensions() {}

  /** By name, in name order. */
  private static final Map<String, ModuleSpec> MATCHES = new TreeMap<>();
  private static final Map<String, ModuleSpec> TARGETS = new TreeMap<>();
  /** The same, for looking names up while reading every rule. */
  private static final Map<String, ModuleSpec> MATCH_INDEX;
  private static final Map<String, ModuleSpec> TARGET_INDEX;

  static {
    Stream.of(
            Comment.all(),
            TcpUdp.all(),
            List.of(Icmp.spec(), Multiport.spec()),
            Conntrack.all(),
            List.of(Iprange.spec(), Limit.spec(), Mac.spec(), MarkMatch.markSpec(),
                MarkMatch.connmarkSpec(), Addrtype.spec(), Length.spec(), Ttl.spec(),
                Tos.tosSpec(), Tos.dscpSpec(), Pkttype.spec(), Owner.spec()),
            List.of(Recent.spec(), Hashlimit.spec(), SetMatch.spec(), Statistic.spec(),
                Physdev.spec(), IpsecPolicy.spec(), Rpfilter.spec()),
            List.of(Connlimit.spec(), Connbytes.spec(), Quota.spec(), TimeMatch.spec(),
                StringMatch.spec(), U32.spec(), Bpf.spec(), Nfacct.spec()),
            List.of(Socket.spec(), Cgroup.spec(), Cpu.spec(), Osf.spec(), Cluster.spec(),
                HelperMatch.spec(), Connlabel.spec(), Devgroup.spec(), Realm.spec()),
            List.of(Sctp.spec(), Dccp.spec(), Ecn.spec(), TcpmssMatch.spec()),
            SpiMatches.all(),
            List.of(Reject.spec(), LogTarget.spec(), MarkTarget.spec(), ConnmarkTarget.spec(),
                CtTarget.ct(), CtTarget.notrack(), TraceTarget.spec(), Tcpmss.spec(),
                Nflog.spec(), Nfqueue.spec()),
            List.of(TtlTarget.spec(), TosTargets.tos(), TosTargets.dscp(), TosTargets.ecn(),
                Checksum.spec(), Tcpoptstrip.spec(), Classify.spec()),
            NatTargets.all(),
            SideTargets.all(), SecmarkTargets.all(), RemovedTargets.all(),
            List.of(Hmark.spec(), SetTarget.spec(), Synproxy.spec(), Tee.spec(), Tproxy.spec()))
        .flatMap(List::stream)
        .forEach(Extensions::register);
    MATCH_INDEX = new HashMap<>(MATCHES);
    TARGET_INDEX = new HashMap<>(TARGETS);
  }

  private static void register(ModuleSpec spec) {
    Map<String, ModuleSpec> map = spec.kind() == ModuleSpec.Kind.MATCH ? MATCHES : TARGETS;
    if (map.put(spec.name(), spec) != null) {
      throw new IllegalStateException("extension registered twice: " + spec.name());
    }
  }

  /** The match extension loaded by {@code -m name}, if known. */
  public static Optional<ModuleSpec> match(String name) {
    return Optional.ofNullable(MATCH_INDEX.get(name));
  }

  /** The target extension loaded by {@code -j NAME}, if known. */
  public static Optional<ModuleSpec> target(String name) {
    return Optional.ofNullable(TARGET_INDEX.get(name));
  }

  public static Collection<ModuleSpec> matches() {
    return MATCHES.values();
  }

  public static Collection<ModuleSpec> targets() {
    return TARGETS.values();
  }
}
