package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/** The {@code set} match: membership of an ipset. */
final class SetMatch {
  private SetMatch() {}

  static ModuleSpec spec() {
    OptionSpec matchSet =
        OptionSpec.many("--match-set", 2, a -> nameAndDirections("--match-set", a))
            .negatable().alias("--set");
    OptionSpec returnNomatch =
        OptionSpec.custom(
                "--return-nomatch",
                0,
                (n, neg, args) -> {
                  if (neg) {
                    throw new ArgException("--return-nomatch flag cannot be inverted");
                  }
                  return new Option(n, false, List.of());
                })
            .negatable();
    List<OptionSpec> specs = new ArrayList<>(List.of(matchSet, returnNomatch));
    specs.add(OptionSpec.flag("--update-counters").negatable());
    specs.add(OptionSpec.flag("--update-subcounters").negatable());
    for (String what : List.of("packets", "bytes")) {
      for (String op : List.of("eq", "lt", "gt")) {
        specs.add(counter("--" + what + "-" + op, op.equals("eq")));
      }
    }
    return ModuleSpec.match("set", specs.toArray(new OptionSpec[0]))
        .withFinisher((rule, options) -> finishSet(options))
        .meaning(SetMatch::meaning);
  }

  /**
   * A set's name and which of the packet's addresses its entries take ({@code src,dst}), as the
   * set match and the SET target read them after {@code option}.
   */
  static List<String> nameAndDirections(String option, List<String> args) throws ArgException {
    String name = args.get(0);
    String flags = args.get(1);
    if (flags.startsWith("-") || flags.startsWith("!")) {
      throw new ArgException(option + " requires two args.", 1,
          "give the set name and which addresses to look up, as in --match-set blocked src");
    }
    if (name.length() > 31) {
      throw new ArgException("setname `" + name + "' too long, max 31 characters.", 0,
          "ipset names have at most 31 characters");
    }
    String[] parts = flags.split(",", -1);
    List<String> dirs = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      if (i == 6) {
        throw new ArgException("Can't be more src/dst options than 6.", 1,
            "a set entry has at most 6 parts");
      }
      if (parts[i].startsWith("src")) {
        dirs.add("src");
      } else if (parts[i].startsWith("dst")) {
        dirs.add("dst");
      } else {
        throw new ArgException(
            "You must spefify (the comma separated list of) 'src' or 'dst'.", 1,
            "say for each part of a set entry whether it is the packet's source or destination,"
                + " as in src or src,dst");
      }
    }
    return List.of(name, String.join(",", dirs));
  }

  private static OptionSpec counter(String name, boolean invertible) {
    return OptionSpec.custom(
            name,
            1,
            (n, neg, args) -> {
              if (neg && !invertible) {
                throw new ArgException(n + " option cannot be inverted");
              }
              String text = args.get(0);
              Optional<CNumbers.Parsed> value = Args.strtoul(text).filter(v -> v.end() == text.length());
              if (value.isEmpty()) {
                throw new ArgException("Cannot parse " + text + " as a counter value", 0,
                    "a counter is a whole number");
              }
              return new Option(n, neg, List.of(Long.toUnsignedString(value.get().value())));
            })
        .negatable();
  }

  private static List<Option> finishSet(List<Option> options) throws ArgException {
    if (!Args.has(options, "--match-set")) {
      throw new ArgException("You must specify `--match-set' with proper arguments")
          .explained("name the set to look in, as in -m set --match-set blocked src");
    }
    List<Option> out = new ArrayList<>();
    out.add(Args.find(options, "--match-set").orElseThrow());
    Args.find(options, "--return-nomatch").ifPresent(out::add);
    for (String flag : List.of("--update-counters", "--update-subcounters")) {
      Args.find(options, flag).filter(Option::negated).ifPresent(out::add);
    }
    for (String what : List.of("packets", "bytes")) {
      List<Option> used =
          options.stream().filter(o -> o.name().startsWith("--" + what + "-")).toList();
      if (used.size() > 1) {
        throw new ArgException("only one of the --" + what + "-[eq|lt|gt] is allowed")
            .explained("compare the " + what + " counter once");
      }
      out.addAll(used);
    }
    return out;
  }

  /**
   * The packet's addresses looked up in the set, the parts of an entry taken from its source or
   * destination as {@code src,dst} says. The topology's sets have no counters and no {@code
   * nomatch} entries, so the counter options and {@code --return-nomatch} change nothing.
   */
  private static Condition meaning(List<Option> options) {
    Option matchSet = options.get(0);
    List<Condition.Side> sides = new ArrayList<>();
    for (String d : matchSet.args().get(1).split(",")) {
      sides.add(d.equals("src") ? Condition.Side.SOURCE : Condition.Side.DESTINATION);
    }
    return Condition.not(matchSet.negated(), new Condition.InSet(matchSet.args().get(0), sides));
  }
}
