package org.packetpath.engine.ext;

import java.util.List;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;

/** The {@code socket} match: the firewall has a socket the packet would be delivered to. */
final class Socket {
  private static final String TRANSPARENT = "--transparent";
  private static final String NOWILDCARD = "--nowildcard";
  private static final String RESTORE = "--restore-skmark";

  private Socket() {}

  static ModuleSpec spec() {
    return ModuleSpec.match("socket", OptionSpec.flag(TRANSPARENT), OptionSpec.flag(NOWILDCARD),
            OptionSpec.flag(RESTORE))
        .onlyFrom(Hook.PREROUTING, Hook.INPUT)
        .notSimulated("the firewall's sockets are the topology's services, listening on every"
            + " address (0.0.0.0): they count only with --nowildcard; sockets of connections are"
            + " not looked up; no socket is transparent; --restore-skmark leaves the mark")
        .meaning(Socket::meaning);
  }

  /**
   * {@code xt_socket} looks up the socket the packet's addresses and ports lead to: a connected
   * one, else a listening one, which without {@code --nowildcard} is ignored when it listens on
   * 0.0.0.0; {@code --transparent} ignores sockets without {@code IP_TRANSPARENT}. The
   * simulator's sockets are its services, taken as listening on 0.0.0.0 and not transparent:
   * the match holds for a TCP or UDP packet to a service's port with {@code --nowildcard} and
   * without {@code --transparent}, whatever its destination address (the kernel's lookup does
   * not ask whether the address is the firewall's). Sockets of connections are not looked up.
   */
  private static Condition meaning(List<Option> options) {
    boolean found = Args.has(options, NOWILDCARD) && !Args.has(options, TRANSPARENT);
    String why = "whether the firewall has a socket for the packet; only its services,"
        + " listening on 0.0.0.0, are looked up";
    return new Condition.Opaque("socket", why,
        found ? new Condition.ListeningSocket() : new Condition.Fixed(false));
  }
}
