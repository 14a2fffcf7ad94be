package org.packetpath.engine.ext;

import java.util.List;
import org.packetpath.engine.net.Protocols;

/** Connection-tracking matches: {@code conntrack} and its older alias {@code state}. */
final class StateMatches {
  private StateMatches() {}

  static final List<String> CT_STATES =
      List.of("INVALID", "NEW", "RELATED", "ESTABLISHED", "UNTRACKED", "SNAT", "DNAT");
  static final List<String> STATES =
      List.of("INVALID", "NEW", "RELATED", "ESTABLISHED", "UNTRACKED");
  static final List<String> CT_STATUS =
      List.of("NONE", "EXPECTED", "SEEN_REPLY", "ASSURED", "CONFIRMED");

  static List<ModuleSpec> all() {
    return List.of(conntrack(), state());
  }

  private static ModuleSpec conntrack() {
    OptionSpec state =
        OptionSpec.one("--ctstate", a -> Args.flagList(a, CT_STATES, true, "Bad ctstate \"%s\""))
            .negatable();
    OptionSpec proto =
        OptionSpec.one(
                "--ctproto",
                a ->
                    Protocols.number(a)
                        .map(String::valueOf)
                        .orElseThrow(
                            () -> new ArgException("unknown protocol \"" + a + "\" specified")))
            .negatable();
    OptionSpec status =
        OptionSpec.one(
                "--ctstatus",
                a -> {
                  String list = Args.flagList(a, CT_STATUS, true, "Bad ctstatus \"%s\"");
                  return list.startsWith("NONE,") ? list.substring(5) : list;
                })
            .negatable();
    OptionSpec expire =
        OptionSpec.one("--ctexpire", StateMatches::expire).negatable();
    OptionSpec dir =
        OptionSpec.one(
            "--ctdir",
            a -> {
              String upper = a.toUpperCase(java.util.Locale.ROOT);
              if (!upper.equals("ORIGINAL") && !upper.equals("REPLY")) {
                throw new ArgException("Unknown --ctdir value \"" + a + "\"")
                    .explained("--ctdir is ORIGINAL or REPLY");
              }
              return upper;
            });
    return ModuleSpec.match(
            "conntrack",
            state,
            proto,
            address("--ctorigsrc"),
            address("--ctorigdst"),
            address("--ctreplsrc"),
            address("--ctrepldst"),
            port("--ctorigsrcport"),
            port("--ctorigdstport"),
            port("--ctreplsrcport"),
            port("--ctrepldstport"),
            status,
            expire,
            dir)
        .withFinisher(
            (rule, options) -> {
              if (options.isEmpty()) {
                throw new ArgException("conntrack: At least one option is required")
                    .explained("for example -m conntrack --ctstate ESTABLISHED,RELATED");
              }
              return options;
            });
  }

  private static OptionSpec address(String name) {
    return OptionSpec.one(name, Args::hostOrNetwork).negatable();
  }

  private static OptionSpec port(String name) {
    return OptionSpec.one(name, StateMatches::ctPort).negatable();
  }

  private static String ctPort(String text) throws ArgException {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return Integer.toString(Args.port(text));
    }
    int min = Args.port(text.substring(0, colon));
    int max = Args.port(text.substring(colon + 1));
    return min == max ? Integer.toString(min) : min + ":" + max;
  }

  private static String expire(String text) throws ArgException {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return Long.toString(Args.number(text, 0, 0xffffffffL, "ctexpire"));
    }
    long min = Args.number(text.substring(0, colon), 0, 0xffffffffL, "ctexpire");
    long max = Args.number(text.substring(colon + 1), 0, 0xffffffffL, "ctexpire");
    return min == max ? Long.toString(min) : min + ":" + max;
  }

  private static ModuleSpec state() {
    OptionSpec state =
        OptionSpec.one("--state", a -> Args.flagList(a, STATES, true, "Bad state \"%s\""))
            .negatable();
    return ModuleSpec.match("state", state)
        .withFinisher(
            (rule, options) -> {
              if (options.isEmpty()) {
                throw new ArgException("state: option \"--state\" must be specified");
              }
              return options;
            });
  }
}
