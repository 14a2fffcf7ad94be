package org.packetpath.engine.ext;

import java.util.List;
import java.util.Optional;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.Option;

/** The {@code length} match: the IP total length. */
final class Length {
  private Length() {}

  static ModuleSpec spec() {
    return ModuleSpec.matchRequiring(
            "length", OptionSpec.one("--length", Length::lengthRange).negatable())
        .meaning(Length::meaning);
  }

  /** The IP total length within {@code MIN[:MAX]}; a reversed range holds nothing. */
  private static Condition meaning(List<Option> options) {
    return Meanings.perOption(options, o -> Condition.in(Field.LENGTH, Meanings.range(o.arg())));
  }

  // ---- arguments ---------------------------------------------------------------------------

  /**
   * {@code MIN[:MAX]} of 16-bit numbers in any C base; an empty MIN is 0 and an empty MAX is
   * 65535. A reversed range is kept (it never matches).
   */
  static String lengthRange(String text) throws ArgException {
    long[] values = {0, 0};
    int count = 0;
    int arg = 0;
    while (true) {
      if (count == 2) {
        throw new ArgException("length: Too many components for option \"--length\" (max: 2)")
            .explained("a length is a number or a range MIN:MAX");
      }
      int end;
      long value;
      if (arg == text.length() || text.charAt(arg) == ':') {
        end = arg;
        value = count == 1 ? 65535 : 0;
      } else {
        Optional<CNumbers.Parsed> n = CNumbers.strtoui(text, arg, 65535);
        if (n.isEmpty()) {
          throw new ArgException("length: bad value for option \"--length\" near \""
                  + text.substring(arg) + "\", or out of range (0-65535).")
              .explained("packet lengths are numbers from 0 to 65535");
        }
        end = n.get().end();
        value = n.get().value();
        if (end != text.length() && text.charAt(end) != ':') {
          throw new ArgException("length: Argument to \"--length\" has unexpected characters"
                  + " near \"" + text.substring(end) + "\".")
              .explained("a length is a number or a range MIN:MAX");
        }
      }
      values[count++] = value;
      if (end == text.length()) {
        break;
      }
      arg = end + 1;
    }
    long min = values[0];
    long max = count == 2 ? values[1] : min;
    return min == max ? Long.toString(min) : min + ":" + max;
  }
}
