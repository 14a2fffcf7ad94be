package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/**
 * The {@code ah}, {@code esp} and {@code ipcomp} matches: the security parameter index (the
 * compression parameter index for IPcomp) of the packet's AH, ESP or IPcomp header, in a range.
 */
final class SpiMatches {
  private SpiMatches() {}

  /** All SPIs: iptables-save prints no option for it. */
  private static final String ANY = "0:4294967295";

  static List<ModuleSpec> all() {
    return List.of(spi("ah", "--ahspi", "ah", 51, "AH"), spi("esp", "--espspi", "esp", 50, "ESP"),
        ipcomp());
  }

  private static OptionSpec spiOption(String module, String option) {
    return OptionSpec.one(option, t -> XtNumbers.xtRange(t, module, option, 0xffffffffL,
        "an SPI is a number from 0 to 4294967295", "an SPI is a number or a range MIN:MAX"))
        .negatable();
  }

  private static ModuleSpec spi(String module, String option, String protocol, int number,
      String header) {
    return ModuleSpec.match(module, spiOption(module, option))
        .withFinisher((rule, options) -> finish(rule, options, module, option, protocol, number))
        .notSimulated(notSimulated(header))
        .meaning(options -> meaning(module, header, number, options));
  }

  /** ipcomp does not default its range to all SPIs: without {@code --ipcompspi} it is 0. */
  private static ModuleSpec ipcomp() {
    String option = "--ipcompspi";
    return ModuleSpec.match("ipcomp", spiOption("ipcomp", option), OptionSpec.flag("--compres"))
        .withFinisher((rule, options) -> {
          List<Option> out = new ArrayList<>(options);
          if (!Args.has(options, option)) {
            out.add(0, new Option(option, false, List.of("0")));
          }
          return finish(rule, out, "ipcomp", option, "ipcomp", 108);
        })
        .notSimulated(notSimulated("IPcomp"))
        .meaning(options -> meaning("ipcomp", "IPcomp", 108, options));
  }

  private static String notSimulated(String header) {
    return "simulated " + header + " packets carry no " + header + " header, hence no SPI:"
        + " an SPI range never matches (! always)";
  }

  /** The kernel's protocol check; the range of all SPIs is not printed, {@code !} or not. */
  private static List<Option> finish(RuleContext rule, List<Option> options, String module,
      String option, String protocol, int number) throws ArgException {
    Args.requireProtocol(rule, module + " match", protocol, number, "the " + module + " match"
        + " only reads " + protocol + " packets: add -p " + protocol + " before it");
    return options.stream().filter(o -> !(o.name().equals(option) && o.arg().equals(ANY)))
        .toList();
  }

  /**
   * The protocol, and the SPI in its range. Simulated packets of these protocols carry their IP
   * header only (the packet syntax has no SPI), so the range never holds and {@code !} always
   * does. The kernel, finding no header to read the SPI from, drops such a packet at the rule.
   * {@code --compres} plays no part: the kernel does not test it.
   */
  private static Condition meaning(String module, String header, int number,
      List<Option> options) {
    List<Option> ranges = options.stream().filter(o -> !o.name().equals("--compres")).toList();
    return Condition.all(Meanings.protocol(number), Meanings.perOption(ranges,
        o -> new Condition.Opaque(module, "whether the SPI of the packet's " + header
            + " header is in " + o.arg() + "; simulated " + header + " packets carry none",
            new Condition.Fixed(false))));
  }
}
