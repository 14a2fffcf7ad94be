package org.packetpath.engine.ext;

import java.util.Map;
import java.util.Optional;

/**
 * Numbers with an optional mask, or a name from one of iproute2's tables, as libxtables'
 * {@code xtables_parse_val_mask} reads them and {@code xtables_print_val_mask} prints them: the
 * device groups of {@code -m devgroup} and the route realms of {@code -m realm}.
 */
final class NamedValues {
  private NamedValues() {}

  /**
   * {@code value[/mask]} (32-bit numbers in any C base) or a name of {@code names}; printed as
   * {@code 0xV/0xM} with a mask that is not all ones, else as the value's name, else {@code 0xV}.
   */
  static String valueMask(String module, String option, String text, Map<String, Long> names)
      throws ArgException {
    Optional<CNumbers.Parsed> value = CNumbers.strtoui(text, 0, Args.U32);
    if (value.isEmpty() || (value.get().end() < text.length()
        && text.charAt(value.get().end()) != '/')) {
      Long named = names.get(text);
      if (named == null) {
        throw new ArgException(module + ": could not map name " + text
                + " to an integer value for option \"" + option + "\".")
            .explained("give a number such as 1 or 0x10/0xff; of the names only "
                + String.join(", ", names.keySet()) + " are known here");
      }
      return print(named, Args.U32, names);
    }
    int end = value.get().end();
    long mask = Args.U32;
    if (end < text.length()) {
      Optional<CNumbers.Parsed> m = CNumbers.strtoui(text, end + 1, Args.U32);
      if (m.isEmpty()) {
        throw new ArgException(module + ": bad integer value for option \"" + option
                + "\", or out of range.")
            .explained("write value/mask with two numbers from 0 to 0xffffffff, as in 0x10/0xff");
      }
      if (m.get().end() != text.length()) {
        throw new ArgException(module + ": trailing garbage after value for option \""
                + option + "\".")
            .explained("write value or value/mask, as in 0x10/0xff");
      }
      mask = m.get().value();
    }
    return print(value.get().value(), mask, names);
  }

  private static String print(long value, long mask, Map<String, Long> names) {
    if (mask != Args.U32) {
      return Args.hex(value) + "/" + Args.hex(mask);
    }
    return names.entrySet().stream().filter(e -> e.getValue() == value).map(Map.Entry::getKey)
        .findFirst().orElse(Args.hex(value));
  }

  /** {value, mask} of a canonical value: a name of {@code names}, {@code 0xV} or {@code 0xV/0xM}. */
  static long[] parse(String canonical, Map<String, Long> names) {
    Long named = names.get(canonical);
    return named != null ? new long[] {named, Args.U32} : Meanings.valueMask(canonical);
  }
}
