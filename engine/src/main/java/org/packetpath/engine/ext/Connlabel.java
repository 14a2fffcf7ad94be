package org.packetpath.engine.ext;

import java.util.List;
import java.util.Optional;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/** The {@code connlabel} match: a label bit of the packet's connection, which it may set. */
final class Connlabel {
  private static final String LABEL = "--label";
  private static final String SET = "--set";
  /** {@code XT_CONNLABEL_MAXBIT}: a connection has 128 label bits. */
  private static final long MAX_BIT = 127;

  private Connlabel() {}

  static ModuleSpec spec() {
    return ModuleSpec.match("connlabel",
            OptionSpec.one(LABEL, Connlabel::bit).negatable(), OptionSpec.flag(SET))
        .withRules(OptionRules.of(LABEL, SET).mandatory(LABEL))
        .withFinisher((rule, options) -> {
          if (number(options.get(0)) > MAX_BIT) {
            throw new ArgException("RULE_APPEND failed (Numerical result out of range): rule in"
                    + " chain " + rule.chain())
                .explained("the kernel refuses label " + number(options.get(0))
                    + ": a connection has the labels 0 to " + MAX_BIT);
          }
          return options;
        })
        .notSimulated("labels are not kept on connections: --label matches a packet with a"
            + " connection only together with --set (! inverts this)")
        .meaning(Connlabel::meaning);
  }

  /**
   * A label bit as {@code connlabel_value_parse} reads it ({@code strtoul} in any base, kept as
   * a C {@code int}), printed in double quotes as iptables-save does. Label names would come
   * from {@code /etc/xtables/connlabel.conf}, which Debian does not ship: none is known.
   */
  private static String bit(String text) throws ArgException {
    Optional<Long> value = Args.parseC(text);
    if (value.isEmpty() || (int) (long) value.get() < 0) {
      throw new ArgException("label '" + text + "' not found or invalid value")
          .explained("give the label's bit number, 0 to " + MAX_BIT + "; names need"
              + " /etc/xtables/connlabel.conf, which is not there");
    }
    return "\"" + (int) (long) value.get() + "\"";
  }

  /** The bit of a canonical {@code --label "N"}. */
  private static long number(Option label) {
    return Long.parseLong(label.arg().substring(1, label.arg().length() - 1));
  }

  /**
   * {@code xt_connlabel}: without a connection the match gives {@code !}'s answer; with one,
   * it holds when the bit is set, and {@code --set} sets it first. The simulator keeps no
   * labels, so the bit is set only by the rule's own {@code --set}.
   */
  private static Condition meaning(List<Option> options) {
    Option label = options.get(0);
    boolean set = Args.has(options, SET);
    return Condition.not(label.negated(), Condition.all(new Condition.HasConnection(),
        new Condition.Opaque("connlabel", "whether label " + number(label) + " is set on the"
            + " connection; only this rule's --set sets it", new Condition.Fixed(set))));
  }
}
