package org.packetpath.engine.ext;

import java.util.List;
import java.util.Optional;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/** The {@code u32} match: tests on 32-bit words read at offsets into the packet. */
final class U32 {
  /** {@code XT_U32_MAXSIZE}: the most tests, operators per location and values per test. */
  private static final int MAX = 10;

  private U32() {}

  static ModuleSpec spec() {
    return ModuleSpec.matchRequiring("u32",
            OptionSpec.one("--u32", U32::tests).negatable())
        .notSimulated("the bytes of simulated packets are not modelled: --u32 never matches"
            + " (it does with !)")
        .meaning(U32::meaning);
  }

  /**
   * The tests as {@code u32_parse} reads them ({@code location=value[,value…][&&…]}, a location
   * being numbers joined by {@code & << >> @}, a value a number or {@code min:max}), printed as
   * iptables-save prints them: in hex, without blanks, in double quotes.
   */
  static String tests(String arg) throws ArgException {
    StringBuilder out = new StringBuilder("\"");
    int tests = 0;
    int locations = 0;
    int values = 0;
    boolean readingValues = false;
    int i = 0;
    while (true) {
      while (i < arg.length() && CNumbers.isSpace(arg.charAt(i))) {
        i++;
      }
      if (i == arg.length()) {
        if (!readingValues) {
          throw error("u32: abrupt end of input after location specifier");
        }
        if (values == 0) {
          throw error("u32: test ended with no value specified");
        }
        if (++tests > MAX) {
          throw error("u32: at char " + i + ": too many \"&&\"s");
        }
        return out.append('"').toString();
      }
      char c = arg.charAt(i);
      if (!readingValues) {
        if (c == '=') {
          if (locations == 0) {
            throw error("u32: at char " + i + ": location spec missing");
          }
          out.append('=');
          i++;
          readingValues = true;
          continue;
        }
        if (locations != 0) {
          String op;
          if (c == '&') {
            op = "&";
          } else if (c == '<' || c == '>') {
            i++;
            if (i >= arg.length() || arg.charAt(i) != c) {
              throw error("u32: at char " + i + ": a second '" + c + "' was expected");
            }
            op = c == '<' ? "<<" : ">>";
          } else if (c == '@') {
            op = "@";
          } else {
            throw error("u32: at char " + i + ": operator expected");
          }
          out.append(op);
          i++;
        }
        i = number(arg, i, out);
        if (++locations > MAX) {
          throw error("u32: at char " + i + ": too many operators");
        }
      } else if (c == '&') {
        i++;
        if (i >= arg.length() || arg.charAt(i) != '&') {
          throw error("u32: at char " + i + ": a second '&' was expected");
        }
        if (values == 0) {
          throw error("u32: at char " + i + ": value spec missing");
        }
        if (++tests > MAX) {
          throw error("u32: at char " + i + ": too many \"&&\"s");
        }
        out.append("&&");
        i++;
        readingValues = false;
        locations = 0;
        values = 0;
      } else {
        if (values > 0) {
          if (c != ',') {
            throw error("u32: at char " + i + ": expected \",\" or \"&&\"");
          }
          out.append(',');
          i++;
        }
        StringBuilder min = new StringBuilder();
        i = number(arg, i, min);
        while (i < arg.length() && CNumbers.isSpace(arg.charAt(i))) {
          i++;
        }
        if (i < arg.length() && arg.charAt(i) == ':') {
          StringBuilder max = new StringBuilder();
          i = number(arg, i + 1, max);
          out.append(min).append(max.toString().equals(min.toString()) ? "" : ":" + max);
        } else {
          out.append(min);
        }
        if (++values > MAX) {
          throw error("u32: at char " + i + ": too many \",\"s");
        }
      }
    }
  }

  /** Reads a 32-bit number at {@code i}, appends it in hex and returns the index after it. */
  private static int number(String arg, int i, StringBuilder out) throws ArgException {
    Optional<CNumbers.Parsed> n = CNumbers.strtoui(arg, i, 0xffffffffL);
    if (n.isEmpty()) {
      throw error("u32: at char " + i + ": not a number or out of range");
    }
    out.append(Args.hex(n.get().value()));
    return n.get().end();
  }

  private static ArgException error(String message) {
    return new ArgException(message)
        .explained("a u32 test reads location=value, as in \"6&0xFF=6\"; join tests with &&");
  }

  /** The bytes are not modelled: the packet holds none of the values, so only {@code !} matches. */
  private static Condition meaning(List<Option> options) {
    Option tests = options.get(0);
    return new Condition.Opaque("u32", "the packet's bytes, which are not modelled",
        new Condition.Fixed(tests.negated()));
  }
}
