package org.packetpath.lab.kernel;

import java.util.List;
import java.util.Optional;
import org.packetpath.engine.topology.Service;

/**
 * A kernel lab's network namespaces as its {@link LabPlan} lays them out, and the agent in the
 * firewall's: built one step after another, and deleted again, also when building stopped half
 * way. Not thread-safe; {@link KernelLab} makes sure it is closed once.
 */
final class Namespaces implements AutoCloseable {
  private static volatile Optional<String> problem;

  private final LabPlan plan;
  private final String ip;
  private Optional<Agent> agent = Optional.empty();

  /** The namespaces of {@code plan}, not built yet. */
  Namespaces(LabPlan plan) {
    this.plan = plan;
    this.ip = Tools.require("ip");
  }

  /**
   * Why network namespaces cannot be created here, or empty; found out once per JVM, by
   * creating one and deleting it.
   */
  static Optional<String> refused() {
    Optional<String> known = problem;
    if (known == null) {
      String probe = "pp" + ProcessHandle.current().pid() + "-probe";
      String ip = Tools.require("ip");
      Tools.Result added = Tools.run(List.of(ip, "netns", "add", probe), "", 10);
      Tools.run(List.of(ip, "netns", "del", probe), "", 10);
      known = added.exitCode() == 0 ? Optional.empty()
          : Optional.of("network namespaces are refused here: " + added.err().strip());
      problem = known;
    }
    return known;
  }

  /**
   * Creates the namespaces, starts the agent in the firewall's (running {@code snapshot} after
   * every packet), links and configures them, and opens the agent's sockets; the agent. Throws
   * {@link KernelLabException} when a step fails, leaving what it created for {@link #close}.
   */
  Agent build(List<Protocol.Program> snapshot) {
    Tools.check(List.of(ip, "-batch", "-"), plan.addNamespaces());
    Agent started = Agent.start(ip, Tools.require("python3"), plan.firewallNamespace());
    agent = Optional.of(started);
    started.call(new Protocol.Config(millis("settleMillis", 5), millis("limitMillis", 500),
        snapshot));
    for (String namespace : plan.namespaces()) {
      sysctl(started, namespace, LabPlan.quiet(), true); // absent when the kernel has no IPv6
    }
    buildLinks(started);
    // conntrack's sysctls exist once its module is loaded; asking conntrack loads it
    started.exec(List.of(Tools.require("conntrack"), "-F"), "", true);
    sysctl(started, plan.firewallNamespace(), plan.firewallSysctls(), false);
    String sets = plan.ipsets();
    if (!sets.isEmpty()) {
      started.exec(List.of(Tools.require("ipset"), "restore"), sets, true);
    }
    openSockets(started);
    return started;
  }

  private void buildLinks(Agent started) {
    Tools.check(List.of(ip, "-batch", "-"), plan.addLinks());
    Tools.check(List.of(ip, "-n", plan.firewallNamespace(), "-batch", "-"),
        plan.configureFirewall());
    for (LabPlan.Link link : plan.links()) {
      Tools.check(List.of(ip, "-n", link.peerNamespace(), "link", "set", "dev",
          link.device().name(), "up"), "");
      sysctl(started, link.peerNamespace(), LabPlan.peerSysctls(), false);
    }
  }

  private void openSockets(Agent started) {
    for (LabPlan.Link link : plan.links()) {
      started.call(new Protocol.Capture(link.peerNamespace(), link.device().name(),
          link.device().name()));
    }
    started.call(new Protocol.Services(plan.services(Service.Protocol.TCP),
        plan.services(Service.Protocol.UDP)));
  }

  private static long millis(String name, long fallback) {
    return Long.getLong("packetpath.kernel." + name, fallback);
  }

  private void sysctl(Agent started, String namespace, List<LabPlan.Sysctl> values,
      boolean optional) {
    Optional<String> ns = namespace.equals(plan.firewallNamespace()) ? Optional.empty()
        : Optional.of(namespace);
    started.call(new Protocol.SetSysctls(ns, optional,
        values.stream().map(s -> List.of(s.key(), s.value())).toList()));
  }

  /** Ends the agent and deletes every namespace (their veth pairs go with them). */
  @Override
  public void close() {
    try {
      agent.ifPresent(Agent::close);
    } finally {
      StringBuilder delete = new StringBuilder();
      for (String namespace : plan.namespaces()) {
        delete.append("netns del ").append(namespace).append('\n');
      }
      Tools.run(List.of(ip, "-force", "-batch", "-"), delete.toString(), 30);
    }
  }
}
