package org.packetpath.engine.parse;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.ext.ArgException;
import org.packetpath.engine.ext.Args;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.net.Protocols;
import org.packetpath.engine.rules.Option;

/**
 * The arguments of the base options {@code -s}, {@code -d}, {@code -i} and {@code -o}, checked
 * as iptables reads them.
 */
final class BaseArgs {
  private BaseArgs() {}

  /** Checks the name {@code -i} or {@code -o} gives, written at {@code valueToken}. */
  static void interfaceName(Words words, List<Diagnostic> warnings, Token valueToken,
      String value) throws LineError {
    if (value.isEmpty()) {
      throw words.error(valueToken, "Empty interface is likely to be undesired")
          .explain("give an interface name such as eth0, or leave the option out");
    }
    if (value.indexOf('/') >= 0 || value.indexOf(' ') >= 0) {
      warnings.add(words.line().warning(valueToken, "weird character in interface `" + value
          + "' ('/' and ' ' are not allowed by the kernel)"));
    }
    if (value.length() > 15) {
      throw words.error(valueToken, "interface name `" + value
          + "' must be shorter than IFNAMSIZ (15)")
          .explain("Linux interface names have at most 15 characters");
    }
  }

  /** The networks of {@code -s} or {@code -d}, a comma-separated list, canonical, in order. */
  static List<String> addresses(Words words, Token token, String value) throws LineError {
    if (value.indexOf(',') < 0) {
      return List.of(network(words, token, value));
    }
    String[] parts = value.split(",", -1);
    List<String> out = new ArrayList<>();
    for (String part : parts) {
      out.add(network(words, token, part)); // a repeated address is a rule of its own
    }
    return out;
  }

  private static String network(Words words, Token token, String text) throws LineError {
    try {
      return Args.network(text);
    } catch (ArgException e) {
      throw words.argError(token, e.at(-1));
    }
  }

  /** An address option as written: the option, its value's word and the value. */
  record Written(Token option, Token value, String text) {}

  /**
   * The networks {@code text} written at {@code token}, or one empty address when none was:
   * read, as iptables reads them, after the options and the extensions' own checks, so that
   * their mistakes are told first.
   */
  static List<String> addresses(Words words, Written written) throws LineError {
    return written == null ? List.of("")
        : addresses(words, written.value(), written.text());
  }

  /** The nft backend's kernel refuses {@code ! -s 0.0.0.0/0}: a test no packet passes. */
  static LineError negatedEverything(Words words, Token option, String chain) {
    return words.error(option, "RULE_APPEND failed (Invalid argument): rule in chain " + chain)
        .explain("! " + option.text() + " of a /0 network, every address, matches no packet:"
            + " iptables-nft's kernel refuses it (iptables-legacy accepts it); leave the rule"
            + " out");
  }

  /**
   * The option {@code -p VALUE} prints, null for protocol 0 (every protocol), written at {@code
   * token}, the value at {@code valueToken}.
   */
  static Option protocol(Words words, Token token, Token valueToken, String value,
      boolean negated) throws LineError {
    int number = Protocols.number(value).orElseThrow(
        () -> words.error(valueToken, "unknown protocol \"" + value + "\" specified")
            .explain("use a name such as tcp, udp, icmp or all, or a number 0..255"));
    if (number == 0 && negated) {
      throw words.error(token, "rule would never match protocol");
    }
    return number == 0 ? null
        : new Option("-p", negated, List.of(Protocols.canonicalName(number)));
  }
}
