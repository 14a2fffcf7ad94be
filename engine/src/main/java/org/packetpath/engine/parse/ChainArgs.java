package org.packetpath.engine.parse;

import java.util.Set;
import org.packetpath.engine.ext.Extensions;
import org.packetpath.engine.rules.Policy;

/** The names and policies of chains, checked as iptables-restore checks them. */
final class ChainArgs {
  private ChainArgs() {}

  private static final Set<String> TARGET_WORDS = Set.of("ACCEPT", "DROP", "RETURN", "QUEUE");

  /** The policy {@code policy} names. */
  static Policy parsePolicy(LineSource line, Token policy) throws LineError {
    for (Policy p : Policy.values()) {
      if (p.name().equals(policy.text())) {
        return p;
      }
    }
    throw new LineError(line.error(policy, "Bad policy name")
        .explained("a chain policy is ACCEPT or DROP; to answer packets, end the chain with a"
            + " -j " + policy.text() + " rule instead"));
  }

  /** Checks the name of a chain being made or renamed, written at {@code at}. */
  static void checkNewChainName(LineSource line, Token at, String name) throws LineError {
    if (name.length() >= 29) {
      throw new LineError(line.error(at, "chain name `" + name
          + "' too long (must be under 29 chars)"));
    }
    if (name.isEmpty() || name.startsWith("-") || name.startsWith("!")
        || name.chars().anyMatch(Character::isWhitespace)) {
      throw new LineError(line.error(at, "Invalid chain name `" + name + "'"));
    }
    if (TARGET_WORDS.contains(name) || Extensions.target(name).isPresent()) {
      throw new LineError(line.error(at, "chain name may not clash with target name")
          .explained(name + " is the name of a target"));
    }
  }
}
