package org.packetpath.engine.ext;

import java.util.Optional;

/**
 * Numbers and ranges of numbers as the option tables of libxtables read them ({@code
 * XTTYPE_UINT32} and friends), with their messages: {@code recent: bad value for option
 * "--seconds", or out of range (1-4294967295).}
 */
final class XtNumbers {
  private XtNumbers() {}

  /**
   * An unsigned option argument as iptables' option tables read it, with their error: {@code
   * recent: bad value for option "--seconds", or out of range (1-4294967295).}
   */
  static long xtUnsigned(String module, String option, String text, long min, long max)
      throws ArgException {
    Optional<CNumbers.Parsed> n = Args.strtoul(text);
    if (n.isEmpty() || n.get().end() != text.length()
        || Long.compareUnsigned(n.get().value(), min) < 0
        || Long.compareUnsigned(n.get().value(), max) > 0) {
      throw new ArgException(module + ": bad value for option \"" + option
              + "\", or out of range (" + min + "-" + Long.toUnsignedString(max) + ").")
          .explained(option + " takes a whole number from " + min + " to "
              + Long.toUnsignedString(max));
    }
    return n.get().value();
  }

  /**
   * A whole-word number 0..{@code max} in any C base, as iptables' integer options read it, or
   * its error {@code MODULE: bad value for option "--x", or out of range (0-MAX).}
   */
  static long xtNumber(String text, String module, String option, long max)
      throws ArgException {
    return xtNumber(text, module, option, 0, max);
  }

  /** {@link #xtNumber(String, String, String, long)} with a smallest value {@code min}. */
  static long xtNumber(String text, String module, String option, long min, long max)
      throws ArgException {
    return CNumbers.strtouiAll(text, max)
        .filter(n -> n >= min)
        .orElseThrow(
            () ->
                new ArgException(module + ": bad value for option \"" + option
                        + "\", or out of range (" + min + "-" + max + ").")
                    .explained(option + " takes a number from " + min + " to " + max));
  }

  /**
   * {@code MIN[:MAX]} as libxtables reads a range option ({@code XTTYPE_UINT*RC}): numbers up to
   * {@code max} in any C base, an empty MIN 0 and an empty MAX {@code max}, at most two parts, in
   * its words naming {@code module} and {@code option}. A reversed range is kept; a range of one
   * number prints as that number. {@code numbers} and {@code form} explain the errors.
   */
  static String xtRange(String text, String module, String option, long max, String numbers,
      String form) throws ArgException {
    long[] values = {0, 0};
    int count = 0;
    int arg = 0;
    while (true) {
      if (count == 2) {
        throw new ArgException(module + ": Too many components for option \"" + option
            + "\" (max: 2)").explained(form);
      }
      int end;
      long value;
      if (arg == text.length() || text.charAt(arg) == ':') {
        end = arg;
        value = count == 1 ? max : 0;
      } else {
        Optional<CNumbers.Parsed> n = CNumbers.strtoui(text, arg, max);
        if (n.isEmpty()) {
          throw new ArgException(module + ": bad value for option \"" + option + "\" near \""
                  + text.substring(arg) + "\", or out of range (0-" + max + ").")
              .explained(numbers);
        }
        end = n.get().end();
        value = n.get().value();
        if (end != text.length() && text.charAt(end) != ':') {
          throw new ArgException(module + ": Argument to \"" + option + "\" has unexpected"
                  + " characters near \"" + text.substring(end) + "\".")
              .explained(form);
        }
      }
      values[count++] = value;
      if (end == text.length()) {
        break;
      }
      arg = end + 1;
    }
    long min = values[0];
    long last = count == 2 ? values[1] : min;
    return min == last ? Long.toString(min) : min + ":" + last;
  }
}
