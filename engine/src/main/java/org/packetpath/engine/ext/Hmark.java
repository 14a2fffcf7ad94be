package org.packetpath.engine.ext;

import static org.packetpath.engine.ext.TargetArgs.U32;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Option;

/**
 * The {@code HMARK} target: set the packet mark to a hash of chosen header fields (or of the
 * connection's tuples), spread over {@code --hmark-mod} values from {@code --hmark-offset}.
 * {@code --hmark-tuple} names the fields at once: each stands for its full mask.
 */
final class Hmark {
  private Hmark() {}

  /** The names {@code --hmark-tuple} takes, in the order libxt_HMARK tries them as prefixes. */
  private static final List<String> TUPLE =
      List.of("ct", "src", "dst", "sport", "dport", "proto", "spi");

  /** The option each tuple name stands for, and its full mask, in {@link #TUPLE}'s order. */
  private static final List<Option> TUPLE_OPTIONS = List.of(
      Option.of("--hmark-tuple", "ct"), Option.of("--hmark-src-prefix", "32"),
      Option.of("--hmark-dst-prefix", "32"), Option.of("--hmark-sport-mask", "0xffff"),
      Option.of("--hmark-dport-mask", "0xffff"), Option.of("--hmark-proto-mask", "0xffff"),
      Option.of("--hmark-spi-mask", "0xffffffff"));

  static ModuleSpec spec() {
    return ModuleSpec.target("HMARK",
            prefix("--hmark-src-prefix"), prefix("--hmark-dst-prefix"),
            number("--hmark-sport-mask", 0, 0xffff, 4),
            number("--hmark-dport-mask", 0, 0xffff, 4),
            number("--hmark-spi-mask", 0, U32, 8), number("--hmark-sport", 0, 0xffff, 4),
            number("--hmark-dport", 0, 0xffff, 4), number("--hmark-spi", 0, U32, 8),
            number("--hmark-proto-mask", 0, 0xffff, 2), number("--hmark-rnd", 0, U32, 8),
            number("--hmark-mod", 1, U32, 0), number("--hmark-offset", 0, U32, 0),
            OptionSpec.one("--hmark-tuple", Hmark::tuple))
        .checkedBy(Hmark::check)
        .withFinisher(Hmark::kernelCheck)
        .does(Hmark::meaning);
  }

  private static OptionSpec prefix(String name) {
    return OptionSpec.one(name, t -> Integer.toString(
        Math.min(32, Args.prefixLength("HMARK", name, t))));
  }

  /** A number printed in hex of {@code digits} digits, or in decimal when 0. */
  private static OptionSpec number(String name, long min, long max, int digits) {
    return OptionSpec.one(name, t -> {
      long n = XtNumbers.xtUnsigned("HMARK", name, t, min, max);
      return digits == 0 ? Long.toString(n)
          : String.format(Locale.ROOT, "0x%0" + digits + "x", n);
    });
  }

  /** The names of {@code --hmark-tuple}, each a prefix of one in {@link #TUPLE}, as indexes. */
  private static String tuple(String text) throws ArgException {
    List<String> indexes = new ArrayList<>();
    int at = 0;
    while (true) {
      int comma = text.indexOf(',', at);
      String part = comma < 0 ? text.substring(at) : text.substring(at, comma);
      if (comma < 0 && part.isEmpty()) {
        throw new ArgException("\"--hmark-tuple\" requires a list of types with no spaces, e.g."
            + " src,dst,sport,dport,proto").explained("name the fields to hash, as in src,dst");
      }
      Optional<Integer> index = part.isEmpty() ? Optional.empty() : tupleIndex(part);
      if (index.isEmpty()) {
        throw new ArgException("Bad type \"" + text.substring(at) + "\"")
            .explained("the fields are " + String.join(", ", TUPLE));
      }
      indexes.add(Integer.toString(index.get()));
      if (comma < 0) {
        return String.join(",", indexes);
      }
      at = comma + 1;
    }
  }

  private static Optional<Integer> tupleIndex(String part) {
    for (int i = 0; i < TUPLE.size(); i++) {
      if (Args.startsWithIgnoreCase(TUPLE.get(i), part)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /**
   * Replaces {@code --hmark-tuple} by the options it stands for (a field named both ways is
   * given twice), then libxt_HMARK's final check.
   */
  private static List<Option> check(RuleContext rule, List<Option> options)
      throws ArgException {
    List<Option> out = new ArrayList<>();
    for (Option o : options) {
      if (!o.name().equals("--hmark-tuple")) {
        out.add(o);
        continue;
      }
      for (String index : o.arg().split(",")) {
        Option meant = TUPLE_OPTIONS.get(Integer.parseInt(index));
        if (Args.has(options, meant.name()) && !meant.name().equals("--hmark-tuple")) {
          throw new ArgException("HMARK: option \"" + meant.name() + "\" can only be used once.")
              .explained("--hmark-tuple already gives " + meant.name());
        }
        if (!Args.has(out, meant.name())) {
          out.add(meant);
        }
      }
    }
    if (!Args.has(out, "--hmark-mod")) {
      throw new ArgException("--hmark-mod is mandatory")
          .explained("say how many marks to spread packets over, as in --hmark-mod 4");
    }
    if (!Args.has(out, "--hmark-rnd")) {
      throw new ArgException("--hmark-rnd is mandatory")
          .explained("give the hash's seed, as in --hmark-rnd 0xcafe");
    }
    if (Args.has(out, "--hmark-spi-mask")
        && (Args.has(out, "--hmark-sport-mask") || Args.has(out, "--hmark-dport-mask"))) {
      throw new ArgException("you cannot use --hmark-spi-mask and --hmark-?port-mask,at the"
          + " same time").explained("the SPI and the ports share one word of the hash");
    }
    if (out.stream().noneMatch(x -> !List.of("--hmark-rnd", "--hmark-mod", "--hmark-offset")
        .contains(x.name()))) {
      throw new ArgException("you have to specify --hmark-tuple at least")
          .explained("name the fields to hash, as in --hmark-tuple src,dst");
    }
    return out;
  }

  private static List<Option> kernelCheck(RuleContext rule, List<Option> options)
      throws ArgException {
    if (Args.has(options, "--hmark-spi")
        && (Args.has(options, "--hmark-sport") || Args.has(options, "--hmark-dport"))) {
      throw Args.refused("xt_HMARK: spi-set and port-set can't be combined",
          "the SPI and the ports share one word of the hash");
    }
    return options;
  }

  private static Action meaning(List<Option> o) {
    long sportMask = value(o, "--hmark-sport-mask");
    long dportMask = value(o, "--hmark-dport-mask");
    long portMask = Args.has(o, "--hmark-spi-mask") ? value(o, "--hmark-spi-mask")
        : sportMask << 16 | dportMask;
    long portSet = Args.has(o, "--hmark-spi") ? value(o, "--hmark-spi")
        : value(o, "--hmark-sport") << 16 | value(o, "--hmark-dport");
    return new Action.HashMark(mask(o, "--hmark-src-prefix"), mask(o, "--hmark-dst-prefix"),
        portMask, portSet, (int) value(o, "--hmark-proto-mask"), value(o, "--hmark-rnd"),
        value(o, "--hmark-mod"), value(o, "--hmark-offset"), Args.has(o, "--hmark-tuple"));
  }

  private static long value(List<Option> options, String name) {
    return Args.find(options, name).map(TargetArgs::value).orElse(0L);
  }

  private static long mask(List<Option> options, String name) {
    int prefix = Args.find(options, name).map(x -> Integer.parseInt(x.arg())).orElse(0);
    return prefix == 0 ? 0 : (U32 << (32 - prefix)) & U32;
  }
}
