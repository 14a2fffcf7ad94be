package org.packetpath.engine.ext;

import java.util.List;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/** The {@code helper} match: the connection was expected by the conntrack helper named. */
final class HelperMatch {
  /** {@code struct xt_helper_info}'s {@code char name[30]}, less its final NUL. */
  private static final int NAME_LENGTH = 29;

  private HelperMatch() {}

  static ModuleSpec spec() {
    return ModuleSpec.matchRequiring("helper", OptionSpec.one("--helper",
            a -> TextArgs.truncated(a, NAME_LENGTH)).negatable().quoted())
        .meaning(HelperMatch::meaning);
  }

  /**
   * {@code xt_helper} looks at the helper of the connection's master: only a connection a helper
   * expected (an FTP data connection, say) has one. The simulator's packets carry no payload, so
   * no helper ever sets up an expectation, and no connection has a master: {@code --helper}
   * never matches and {@code ! --helper} always does, with or without a connection, as the
   * kernel answers then. The rule still makes the kernel track connections.
   */
  private static Condition meaning(List<Option> options) {
    return Condition.not(options.get(0).negated(),
        Condition.all(new Condition.HasConnection(), Condition.FALSE));
  }
}
