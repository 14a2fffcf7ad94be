package org.packetpath.engine.ext;

import java.util.List;
import java.util.Map;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;

/** The {@code realm} match: the realm of the route the packet took. */
final class Realm {
  /** The names of Debian's {@code /etc/iproute2/rt_realms} (all but one commented out). */
  private static final Map<String, Long> REALMS = Map.of("cosmos", 0L);

  private Realm() {}

  static ModuleSpec spec() {
    return ModuleSpec.matchRequiring("realm", OptionSpec.one("--realm",
            a -> NamedValues.valueMask("realm", "--realm", a, REALMS)).negatable())
        .onlyFrom(Hook.INPUT, Hook.FORWARD, Hook.OUTPUT, Hook.POSTROUTING)
        .meaning(Realm::meaning);
  }

  /**
   * The topology's routes have no {@code realm}, so every route's realm is 0: {@code xt_realm}
   * compares {@code id == (0 & mask)}, which holds when the id is 0 ({@code !} inverts it).
   */
  private static Condition meaning(List<Option> options) {
    Option realm = options.get(0);
    long[] idMask = NamedValues.parse(realm.arg(), REALMS);
    boolean holds = idMask[0] == (0 & idMask[1]);
    return holds != realm.negated() ? Condition.TRUE : Condition.FALSE;
  }
}
