package org.packetpath.engine.ext;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.IntervalSet;
import org.packetpath.engine.rules.Option;

/** The {@code tos} and {@code dscp} matches: the type-of-service byte and its DiffServ code point. */
final class Tos {
  private Tos() {}


  private static ModuleSpec tos() {
    return ModuleSpec.match("tos", OptionSpec.one("--tos", Tos::tosValue).negatable())
        .withRules(OptionRules.of("--tos").mandatory("--tos"));
  }

  private static ModuleSpec dscp() {
    OptionSpec value = OptionSpec.one("--dscp", Tos::dscpValue).negatable();
    OptionSpec dsClass = OptionSpec.one("--dscp-class", Tos::dscpClass).negatable();
    return ModuleSpec.match("dscp", value, dsClass)
        .checkedBy(ModuleSpec.Finisher.atLeastOne("DSCP match: Parameter --dscp is required",
            "give --dscp with a number 0..63 or --dscp-class with a class name such as EF"))
        .withRules(OptionRules.of("--dscp", "--dscp-class").exclusive("--dscp", "--dscp-class"))
        .withFinisher(
            (rule, options) -> {
              // --dscp-class keeps its own name until here, so that giving both options is
              // reported as iptables does; the class then prints as its code point.
              Option o = options.get(0);
              return List.of(new Option("--dscp", o.negated(), o.args()));
            });
  }

  static ModuleSpec tosSpec() {
    return tos().meaning(Tos::tosMeaning);
  }

  static ModuleSpec dscpSpec() {
    return dscp().meaning(Tos::dscpMeaning);
  }

  /** The TOS byte, masked, equals the value ({@code 0x10/0x3f}; the value is not masked). */
  private static Condition tosMeaning(List<Option> options) {
    return Meanings.perOption(options, o -> {
      long[] vm = Meanings.valueMask(o.arg());
      return new Condition.FieldIn(Field.TOS, vm[1], IntervalSet.of(vm[0]));
    });
  }

  /** The upper six bits of the TOS byte, the DiffServ code point. */
  private static Condition dscpMeaning(List<Option> options) {
    return Meanings.perOption(options, o -> new Condition.FieldIn(Field.TOS, 0xfc,
        IntervalSet.of(Meanings.number(o.arg()) << 2)));
  }

  // ---- arguments ---------------------------------------------------------------------------

  private static final List<String> TOS_NAMES =
      List.of(
          "Minimize-Delay", "Maximize-Throughput", "Maximize-Reliability", "Minimize-Cost",
          "Normal-Service");

  private static final int[] TOS_VALUES = {0x10, 0x08, 0x04, 0x02, 0x00};

  /**
   * {@code value[/mask]} (8-bit numbers, the mask defaulting to 0xff), or a symbolic name, which
   * compares the six TOS bits (mask 0x3f).
   */
  static String tosValue(String text) throws ArgException {
    Optional<CNumbers.Parsed> value = CNumbers.strtoui(text, 0, 255);
    if (value.isPresent()) {
      long mask = 0xff;
      int end = value.get().end();
      if (end < text.length() && text.charAt(end) == '/') {
        Optional<CNumbers.Parsed> m = CNumbers.strtoui(text, end + 1, 255);
        if (m.isEmpty()) {
          throw illegalTos(text);
        }
        mask = m.get().value();
        end = m.get().end();
      }
      if (end != text.length()) {
        throw illegalTos(text);
      }
      return String.format(Locale.ROOT, "0x%02x/0x%02x", value.get().value(), mask);
    }
    for (int i = 0; i < TOS_NAMES.size(); i++) {
      if (TOS_NAMES.get(i).length() == text.length()
          && Args.startsWithIgnoreCase(TOS_NAMES.get(i), text)) {
        return String.format(Locale.ROOT, "0x%02x/0x3f", TOS_VALUES[i]);
      }
    }
    throw new ArgException("Symbolic name \"" + text + "\" is unknown")
        .explained("TOS names are " + String.join(", ", TOS_NAMES)
            + "; or give a number 0..255 with an optional /mask");
  }

  private static ArgException illegalTos(String text) {
    return new ArgException("Illegal value: \"" + text + "\"")
        .explained("a TOS value is a number 0..255 with an optional /mask, as in 0x10/0x3f");
  }

  /** DiffServ class names and their code points; a name is found at the start of the word. */
  private static final List<String> DSCP_CLASSES =
      List.of(
          "CS0", "CS1", "CS2", "CS3", "CS4", "CS5", "CS6", "CS7", "BE", "AF11", "AF12", "AF13",
          "AF21", "AF22", "AF23", "AF31", "AF32", "AF33", "AF41", "AF42", "AF43", "EF");

  private static final int[] DSCP_CLASS_VALUES = {
    0x00, 0x08, 0x10, 0x18, 0x20, 0x28, 0x30, 0x38, 0x00, 0x0a, 0x0c, 0x0e, 0x12, 0x14, 0x16,
    0x1a, 0x1c, 0x1e, 0x22, 0x24, 0x26, 0x2e
  };

  static String dscpClass(String text) throws ArgException {
    for (int i = 0; i < DSCP_CLASSES.size(); i++) {
      String name = DSCP_CLASSES.get(i);
      if (Args.startsWithIgnoreCase(text, name)) {
        return String.format(Locale.ROOT, "0x%02x", DSCP_CLASS_VALUES[i]);
      }
    }
    throw new ArgException("Invalid DSCP value `" + text + "'")
        .explained("DiffServ classes are BE, EF, CS0..CS7 and AF11..AF43");
  }

  /** {@code --dscp}: a code point 0..63, printed as two hex digits. */
  static String dscpValue(String text) throws ArgException {
    return String.format(Locale.ROOT, "0x%02x", XtNumbers.xtNumber(text, "dscp", "--dscp", 63));
  }
}
