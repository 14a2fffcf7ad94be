package org.packetpath.engine.ext;

import java.util.List;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/** The {@code quota} match: a budget of bytes, used up by the packets that match. */
final class Quota {
  private Quota() {}

  static ModuleSpec spec() {
    return ModuleSpec.matchRequiring("quota", OptionSpec.one("--quota",
            a -> Long.toUnsignedString(XtNumbers.xtUnsigned("quota", "--quota", a, 0, -1L)))
            .negatable())
        .meaning(Quota::meaning);
  }

  /**
   * Counted as {@code xt_quota} counts: each packet that reaches the rule and fits in what is
   * left uses up its IP length and matches; the first that does not fit empties the quota, and
   * no packet matches after it. {@code !} inverts the outcome, not the counting.
   */
  private static Condition meaning(List<Option> options) {
    Option quota = options.get(0);
    return Condition.not(quota.negated(), new Condition.Opaque("quota", "how many bytes of the "
        + quota.arg() + " the packets before used up",
        new Condition.ByteQuota(Long.parseUnsignedLong(quota.arg()))));
  }
}
