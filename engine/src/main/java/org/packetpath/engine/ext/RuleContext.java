package org.packetpath.engine.ext;

import java.util.Optional;
import org.packetpath.engine.input.Checks;
import org.packetpath.engine.rules.Table;

/**
 * What an extension may need to know about the rule it is part of: the table, the chain, and
 * the protocol given with {@code -p} (canonical name, empty when absent or negated).
 */
public record RuleContext(Table table, String chain, Optional<String> protocol) {
  public RuleContext {
    Checks.nonNull("table", table, "chain", chain, "protocol", protocol);
  }

  /** Whether {@code -p} names one of {@code protocols} ({@code "tcp"}, {@code "udp"} …). */
  public boolean protocolIs(String... protocols) {
    for (String p : protocols) {
      if (protocol.filter(p::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }
}
