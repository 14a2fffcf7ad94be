package org.packetpath.engine.ext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/** The {@code string} match: a pattern somewhere in the packet's bytes. */
final class StringMatch {
  private static final int MAX_PATTERN = 128;
  /** {@code XT_STRING_MAX_ALGO_NAME_SIZE}: longer names are cut to 15 characters. */
  private static final int MAX_ALGO = 15;
  private static final int NO_END = 65535;

  private StringMatch() {}

  static ModuleSpec spec() {
    return ModuleSpec.match(
            "string",
            OptionSpec.one("--from", a -> offset("--from", a)),
            OptionSpec.one("--to", a -> offset("--to", a)),
            OptionSpec.one("--algo", a -> a.length() > MAX_ALGO ? a.substring(0, MAX_ALGO) : a),
            OptionSpec.custom("--string", 1, (n, negated, args) -> new Option(n, negated,
                List.of(plain(bytes(args.get(0)))))).negatable(),
            OptionSpec.custom("--hex-string", 1, (n, negated, args) -> new Option(n, negated,
                List.of(hex(bytes(args.get(0)))))).negatable(),
            OptionSpec.flag("--icase"))
        .withSaveOrder("--string", "--hex-string", "--algo", "--from", "--to", "--icase")
        .checkedBy(ModuleSpec.Finisher.requiring(
            (rule, options) -> Args.has(options, "--string") || Args.has(options, "--hex-string"),
            "STRING match: You must specify `--string' or `--hex-string'",
            "say what to look for, as in --string \"GET /\" --algo bm"))
        .withRules(OptionRules.of("--from", "--to", "--algo", "--string", "--hex-string",
                "--icase")
            .ids("--from", "--to", "--algo", "--icase", "--string", "--hex-string")
            .mandatory("--algo")
            .excludes("--string", "--hex-string")
            .excludes("--hex-string", "--string"))
        .withFinisher(StringMatch::finish)
        .notSimulated("simulated packets carry no payload and their headers are not searched:"
            + " --string and --hex-string never match (they do with !)")
        .meaning(StringMatch::meaning);
  }

  private static String offset(String option, String text) throws ArgException {
    return Long.toString(XtNumbers.xtUnsigned("string", option, text, 0, NO_END));
  }

  /** The argument's bytes (UTF-8), one character each, as C sees them. */
  private static String bytes(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static String plain(String text) throws ArgException {
    if (text.length() > MAX_PATTERN) {
      throw tooLong(text);
    }
    return text;
  }

  private static ArgException tooLong(String text) {
    return new ArgException("STRING too long \"" + text + "\"")
        .explained("a pattern has at most " + MAX_PATTERN + " bytes");
  }

  /** {@code parse_hex_string}: text with {@code |hex bytes|} blocks and {@code \} literals. */
  private static String hex(String s) throws ArgException {
    if (s.isEmpty()) {
      throw new ArgException("STRING must contain at least one char")
          .explained("give the bytes to look for, as in \"|0d0a|\"");
    }
    StringBuilder out = new StringBuilder();
    boolean hexBlock = false;
    boolean literal = false;
    int i = 0;
    int n = s.length();
    while (i < n) {
      if (out.length() >= MAX_PATTERN) {
        throw tooLong(s);
      }
      char c = s.charAt(i);
      if (c == '\\' && !hexBlock) {
        literal = true;
      } else if (c == '\\') {
        throw hexError("Cannot include literals in hex data");
      } else if (c == '|') {
        if (hexBlock) {
          hexBlock = false;
        } else {
          hexBlock = true;
          while (i + 1 < n && s.charAt(i + 1) == ' ') {
            i++;
          }
        }
        if (i + 1 >= n) {
          break;
        }
        i++;
      }
      if (literal) {
        if (i + 1 >= n) {
          throw hexError("Bad literal placement at end of string");
        }
        out.append(s.charAt(i + 1));
        i += 2;
        literal = false;
      } else if (hexBlock) {
        if (i + 1 >= n) {
          throw hexError("Odd number of hex digits");
        }
        if (i + 2 >= n) {
          throw hexError("Invalid hex block");
        }
        for (int k = 0; k < 2; k++) {
          if (CNumbers.digit(s.charAt(i + k), 16) < 0) {
            throw hexError("Invalid hex char '" + s.charAt(i + k) + "'");
          }
        }
        out.append((char) Integer.parseInt(s.substring(i, i + 2), 16));
        i += s.charAt(i + 2) == ' ' ? 3 : 2;
      } else {
        out.append(s.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  private static ArgException hexError(String message) {
    return new ArgException(message)
        .explained("write bytes in hex between bars, as in \"|0d 0a|\", and text outside them");
  }

  /**
   * The pattern as iptables-save prints it: as {@code --string "text"} with {@code "} and
   * {@code \} escaped, or as {@code --hex-string "|hex|"} when it holds a character that is not
   * printable ASCII or ends in {@code \}.
   */
  private static Option pattern(boolean negated, String pattern) {
    boolean hex = !pattern.isEmpty() && pattern.charAt(pattern.length() - 1) == '\\';
    for (char c : pattern.toCharArray()) {
      hex |= c < 0x20 || c > 0x7e;
    }
    StringBuilder out = new StringBuilder(hex ? "\"|" : "\"");
    for (char c : pattern.toCharArray()) {
      if (hex) {
        out.append(String.format("%02x", (int) c));
      } else {
        out.append(c == '"' || c == '\\' ? "\\" : "").append(c);
      }
    }
    out.append(hex ? "|\"" : "\"");
    return new Option(hex ? "--hex-string" : "--string", negated, List.of(out.toString()));
  }

  /**
   * The kernel's checks; the pattern (read into its bytes) printed as iptables-save prints it,
   * and the offsets that are their defaults not printed.
   */
  private static List<Option> finish(RuleContext rule, List<Option> options)
      throws ArgException {
    long from = Args.find(options, "--from").map(o -> Long.parseLong(o.arg())).orElse(0L);
    long to = Args.find(options, "--to").map(o -> Long.parseLong(o.arg())).orElse((long) NO_END);
    String algo = Args.find(options, "--algo").orElseThrow().arg();
    Option pattern = Args.find(options, "--string")
        .or(() -> Args.find(options, "--hex-string")).orElseThrow();
    if (from > to || pattern.arg().isEmpty()) {
      throw refused(rule, "Invalid argument", from > to
          ? "--from " + from + " is after --to " + to
          : "the kernel cannot search for an empty string");
    }
    if (!algo.equals("bm") && !algo.equals("kmp")) {
      throw algo.equals("fsm")
          ? refused(rule, "Invalid argument", "the fsm algorithm takes a compiled pattern,"
              + " not text; use bm or kmp")
          : refused(rule, "No such file or directory", "the kernel has no search algorithm '"
              + algo + "'; use bm or kmp");
    }
    List<Option> out = new ArrayList<>();
    for (Option o : options) {
      boolean defaultOffset = (o.name().equals("--from") && from == 0)
          || (o.name().equals("--to") && to == NO_END);
      if (o == pattern) {
        out.add(pattern(o.negated(), o.arg()));
      } else if (!defaultOffset) {
        out.add(o);
      }
    }
    return out;
  }

  /** A rule the kernel refuses without saying why in its log. */
  static ArgException refused(RuleContext rule, String errno, String hint) {
    return new ArgException("RULE_APPEND failed (" + errno + "): rule in chain " + rule.chain())
        .explained("the kernel refuses this rule: " + hint);
  }

  /** Simulated packets carry no payload: the pattern is never found, so only {@code !} matches. */
  private static Condition meaning(List<Option> options) {
    Option pattern = options.get(0);
    return new Condition.Opaque("string", "whether the packet's bytes hold " + pattern.arg()
        + "; simulated packets carry no payload", new Condition.Fixed(pattern.negated()));
  }
}
