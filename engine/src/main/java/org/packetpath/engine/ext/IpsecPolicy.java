package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.packetpath.engine.net.Protocols;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;

/** The {@code policy} match: the IPsec policy a packet was or will be processed with. */
final class IpsecPolicy {
  private static final List<String> POLICY_ELEMENT =
      List.of("--reqid", "--spi", "--proto", "--mode", "--tunnel-dst", "--tunnel-src");

  private static final OptionRules RULES =
      OptionRules.of("--dir", "--pol", "--strict", "--reqid", "--spi", "--tunnel-src",
              "--tunnel-dst", "--proto", "--mode", "--next")
          .ids("--dir", "--pol", "--strict", "--reqid", "--spi", "--proto", "--mode",
              "--tunnel-src", "--tunnel-dst", "--next")
          .needs("--next", "--strict");

  private IpsecPolicy() {}

  static ModuleSpec spec() {
    OptionSpec dir = OptionSpec.oneOf("--dir", List.of("in", "out"), false,
        "policy_match: invalid dir \"%s\"",
        "--dir in checks how a packet was decapsulated, --dir out how it will be encapsulated");
    OptionSpec pol = OptionSpec.oneOf("--pol", List.of("none", "ipsec"), false,
        "policy match: invalid policy \"%s\"", "--pol is none or ipsec");
    OptionSpec mode = OptionSpec.oneOf("--mode", List.of("transport", "tunnel"), false,
        "policy match: invalid mode \"%s\"", "--mode is transport or tunnel").negatable();
    return ModuleSpec.match(
            "policy",
            dir,
            pol,
            OptionSpec.flag("--strict"),
            OptionSpec.one("--reqid",
                a -> Long.toString(XtNumbers.xtUnsigned("policy", "--reqid", a, 0, Args.U32))).negatable(),
            OptionSpec.one("--spi",
                a -> Args.hex(XtNumbers.xtUnsigned("policy", "--spi", a, 0, Args.U32))).negatable(),
            OptionSpec.one("--tunnel-src", a -> Args.hostMask("policy", "--tunnel-src", a))
                .negatable(),
            OptionSpec.one("--tunnel-dst", a -> Args.hostMask("policy", "--tunnel-dst", a))
                .negatable(),
            OptionSpec.one("--proto", IpsecPolicy::ipsecProtocol).negatable(),
            mode,
            OptionSpec.flag("--next"))
        .withSaveOrder()
        .withFinisher(IpsecPolicy::finishPolicy)
        .notSimulated(
            "packets are never IPsec-processed: --pol none matches, --pol ipsec does not")
        .meaning(IpsecPolicy::meaning);
  }

  /** {@code xtables_parse_protocol}, then the policy match's own limit to ah, esp and ipcomp. */
  private static String ipsecProtocol(String text) throws ArgException {
    Optional<Integer> number =
        Args.strtoul(text).filter(n -> n.end() == text.length() && n.value() <= 255)
            .map(n -> (int) n.value());
    if (number.isEmpty()) {
      switch (text) {
        case "IPSEC-ESP" -> number = Optional.of(50);
        case "IPSEC-AH" -> number = Optional.of(51);
        case "ESP", "AH" -> number = Optional.empty();
        default -> {
          boolean spelled = text.equals(text.toLowerCase(Locale.ROOT))
              || text.equals(text.toUpperCase(Locale.ROOT));
          number = spelled ? Protocols.number(text) : Optional.empty();
        }
      }
    }
    if (number.isEmpty()) {
      throw new ArgException("unknown protocol \"" + text + "\" specified")
          .explained("IPsec protocols are esp, ah and ipcomp");
    }
    return switch (number.get()) {
      case 50 -> "esp";
      case 51 -> "ah";
      case 108 -> "ipcomp";
      default -> throw new ArgException("policy match: protocol must be ah/esp/ipcomp")
          .explained("--proto names the IPsec protocol: esp, ah or ipcomp");
    };
  }

  private static List<Option> finishPolicy(RuleContext rule, List<Option> options)
      throws ArgException {
    Optional<Option> dir = Args.find(options, "--dir");
    if (dir.isEmpty()) {
      throw new ArgException("policy match: neither --dir in nor --dir out specified")
          .explained("--dir in looks at how a packet arrived, --dir out at how it will leave");
    }
    boolean none = Args.find(options, "--pol").filter(o -> o.arg().equals("none")).isPresent();
    boolean strict = Args.has(options, "--strict");
    List<List<Option>> elements = new ArrayList<>();
    elements.add(new ArrayList<>());
    for (Option o : options) {
      if (o.name().equals("--next")) {
        elements.add(new ArrayList<>());
      } else if (POLICY_ELEMENT.contains(o.name())) {
        elements.get(elements.size() - 1).add(o);
      }
    }
    if (none && strict) {
      throw new ArgException("policy match: policy none but --strict given")
          .explained("--strict describes an IPsec policy; it means nothing with --pol none");
    }
    if (none && elements.size() > 1) {
      throw new ArgException("policy match: policy none but policy given")
          .explained("--next describes IPsec policy elements; they mean nothing with --pol none");
    }
    if (!none) {
      for (int i = 0; i < elements.size(); i++) {
        checkElement(i, elements.get(i), strict);
      }
    }
    RULES.check("policy", options);
    String direction = dir.get().arg();
    if (direction.equals("out") && Args.isBuiltin(rule, Hook.PREROUTING, Hook.INPUT)) {
      throw Args.refused("policy match: output policy not valid in PREROUTING and INPUT",
          "--dir out looks at the IPsec policy a packet will leave with, which is not known"
              + " before routing; use --dir in here");
    }
    if (direction.equals("in") && Args.isBuiltin(rule, Hook.POSTROUTING, Hook.OUTPUT)) {
      throw Args.refused("policy match: input policy not valid in POSTROUTING and OUTPUT",
          "--dir in looks at how a packet arrived, and locally sent packets did not arrive;"
              + " use --dir out here");
    }
    List<Option> out = new ArrayList<>();
    out.add(dir.get());
    out.add(Option.of("--pol", none ? "none" : "ipsec"));
    if (strict) {
      out.add(Option.of("--strict"));
    }
    if (!none) {
      for (int i = 0; i < elements.size(); i++) {
        if (i > 0) {
          out.add(Option.of("--next"));
        }
        for (String name : POLICY_ELEMENT) {
          Args.find(elements.get(i), name).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  private static void checkElement(int index, List<Option> element, boolean strict)
      throws ArgException {
    if (strict && element.isEmpty()) {
      throw new ArgException("policy match: empty policy element " + index + ". --strict is in"
              + " effect, but at least one of reqid, spi, tunnel-src, tunnel-dst, proto or mode"
              + " is required.")
          .explained("with --strict every element, including those after --next, must say"
              + " something about the IPsec transform");
    }
    boolean tunnelAddress = Args.has(element, "--tunnel-src") || Args.has(element, "--tunnel-dst");
    Optional<Option> mode = Args.find(element, "--mode");
    boolean tunnel =
        mode.isPresent() && mode.get().arg().equals("tunnel") != mode.get().negated();
    if (tunnelAddress && !tunnel) {
      throw new ArgException(
              "policy match: --tunnel-src/--tunnel-dst is only valid in tunnel mode")
          .explained("tunnel end points only exist in tunnel mode: add --mode tunnel");
    }
  }

  /** No packet is IPsec-processed: {@code --pol none} matches, {@code --pol ipsec} does not. */
  private static Condition meaning(List<Option> options) {
    boolean none = Args.find(options, "--pol").map(o -> o.arg().equals("none")).orElse(false);
    return new Condition.Opaque("policy", "the IPsec policy the packet was processed with; no"
        + " packet is IPsec-processed here", new Condition.Fixed(none));
  }
}
