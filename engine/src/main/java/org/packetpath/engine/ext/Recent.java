package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.net.Ipv4;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/** The {@code recent} match: lists of recently seen addresses. */
final class Recent {
  private Recent() {}

  static ModuleSpec spec() {
    return ModuleSpec.match(
            "recent",
            OptionSpec.flag("--set").negatable(),
            OptionSpec.flag("--rcheck").negatable(),
            OptionSpec.flag("--update").negatable(),
            OptionSpec.flag("--remove").negatable(),
            OptionSpec.one(
                "--seconds",
                a -> Integer.toString((int) XtNumbers.xtUnsigned("recent", "--seconds", a, 1, Args.U32))),
            OptionSpec.flag("--reap"),
            OptionSpec.one(
                "--hitcount", a -> Long.toString(XtNumbers.xtUnsigned("recent", "--hitcount", a, 0, Args.U32))),
            OptionSpec.flag("--rttl"),
            OptionSpec.one("--name", a -> a.length() > 199 ? a.substring(0, 199) : a),
            OptionSpec.flag("--rsource"),
            OptionSpec.flag("--rdest"),
            OptionSpec.one("--mask", a -> Ipv4.format(Args.host(a))))
        .withSaveOrder()
        .withFinisher((rule, options) -> finishRecent(options))
        .notSimulated(
            "no address lists are kept: --rcheck, --update and --remove find no entry, so they"
                + " do not match (they do with !); --set always matches (never with !)")
        .meaning(Recent::meaning);
  }

  private static final List<String> RECENT_COMMANDS =
      List.of("--set", "--rcheck", "--update", "--remove");

  private static final OptionRules RULES =
      OptionRules.of("--set", "--rcheck", "--update", "--remove", "--seconds", "--reap",
              "--hitcount", "--rttl", "--name", "--rsource", "--rdest", "--mask")
          .exclusive("--set", "--rcheck", "--update", "--remove")
          .needs("--reap", "--seconds")
          .excludes("--rttl", "--set", "--remove");

  private static List<Option> finishRecent(List<Option> options) throws ArgException {
    Optional<Option> command =
        options.stream().filter(o -> RECENT_COMMANDS.contains(o.name())).findFirst();
    if (command.isEmpty()) {
      throw new ArgException(
              "recent: you must specify one of `--set', `--rcheck' `--update' or `--remove'")
          .explained("--set records the address; --rcheck, --update and --remove look it up");
    }
    RULES.check("recent", options);
    boolean records = List.of("--set", "--remove").contains(command.get().name());
    long hitcount = Args.find(options, "--hitcount").map(o -> Long.parseLong(o.arg())).orElse(0L);
    boolean conditions =
        Args.has(options, "--seconds") || hitcount != 0 || Args.has(options, "--rttl")
            || Args.has(options, "--reap");
    if (records && conditions) {
      throw Args.refused(
          "recent match: --seconds, --hitcount, --rttl and --reap need --rcheck or --update",
          "the conditions only make sense when a rule looks an address up, but "
              + command.get().name() + " does not");
    }
    if (hitcount > 65535) {
      throw Args.refused(
          "recent match: hitcount (" + hitcount + ") is larger than allowed maximum (65535)",
          "the kernel remembers at most 65535 packets per address");
    }
    String name = Args.find(options, "--name").map(Option::arg).orElse("DEFAULT");
    checkProcName("recent", name);
    List<Option> out = new ArrayList<>();
    out.add(command.get());
    for (String flag : List.of("--seconds", "--reap")) {
      Args.find(options, flag).ifPresent(out::add);
    }
    if (hitcount != 0) {
      out.add(Option.of("--hitcount", Long.toString(hitcount)));
    }
    Args.find(options, "--rttl").ifPresent(out::add);
    out.add(Option.of("--name", name));
    String mask = Args.find(options, "--mask").map(Option::arg).orElse("255.255.255.255");
    out.add(Option.of("--mask", mask));
    String side = "--rsource";
    for (Option o : options) {
      if (o.name().equals("--rsource") || o.name().equals("--rdest")) {
        side = o.name();
      }
    }
    out.add(Option.of(side));
    return out;
  }

  /** The kernel's rule for names that become files under {@code /proc}. */
  static void checkProcName(String module, String name) throws ArgException {
    if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/")) {
      throw Args.refused(
          module + " match: invalid name \"" + name + "\"",
          "the name becomes a file under /proc/net, so it cannot be empty, . or .. or contain /");
    }
  }

  /**
   * No address lists are kept, so {@code --rcheck}, {@code --update} and {@code --remove} find
   * no entry and do not match ({@code !} makes them match), and {@code --set} always matches
   * ({@code ! --set} never does).
   */
  private static Condition meaning(List<Option> options) {
    Option command = options.get(0);
    boolean matches = command.name().equals("--set") != command.negated();
    return new Condition.Opaque("recent", "which addresses were seen recently; no lists are"
        + " kept", new Condition.Fixed(matches));
  }
}
