package org.packetpath.lab;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.packetpath.engine.trace.Disposition;

/**
 * What a check expects to happen to a packet, in the words exercise files use, each one's name
 * in lower case: {@code delivered} to the firewall itself, {@code forwarded}, {@code sent} by the
 * firewall, {@code dropped}, {@code rejected}, {@code blocked} (dropped or rejected), {@code
 * accepted} (delivered, forwarded or sent) or {@code routing-drop}.
 */
public enum Outcome {
  DELIVERED("delivered to the firewall itself", EnumSet.of(Disposition.LOCAL)),
  FORWARDED("forwarded", EnumSet.of(Disposition.FORWARDED)),
  SENT("sent by the firewall", EnumSet.of(Disposition.SENT)),
  DROPPED("dropped", EnumSet.of(Disposition.DROPPED)),
  REJECTED("rejected", EnumSet.of(Disposition.REJECTED)),
  BLOCKED("blocked (dropped or rejected)", EnumSet.of(Disposition.DROPPED, Disposition.REJECTED)),
  ACCEPTED("let through (delivered, forwarded or sent)",
      EnumSet.of(Disposition.LOCAL, Disposition.FORWARDED, Disposition.SENT)),
  ROUTING_DROP("dropped by the routing decision", EnumSet.of(Disposition.ROUTING_DROP));

  private final String description;
  private final Set<Disposition> dispositions;

  Outcome(String description, Set<Disposition> dispositions) {
    this.description = description;
    this.dispositions = dispositions;
  }

  /** The word an exercise file uses: {@code blocked}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The outcome for a learner: {@code blocked (dropped or rejected)}. */
  public String description() {
    return description;
  }

  /** Whether a packet that ended with {@code disposition} meets this outcome. */
  public boolean matches(Disposition disposition) {
    return dispositions.contains(disposition);
  }

  /** Whether this outcome means the packet went on rather than being stopped. */
  public boolean passes() {
    return switch (this) {
      case DELIVERED, FORWARDED, SENT, ACCEPTED -> true;
      case DROPPED, REJECTED, BLOCKED, ROUTING_DROP -> false;
    };
  }

  /** The outcome an exercise file names with {@code word}, if any. */
  public static Optional<Outcome> byWord(String word) {
    return Arrays.stream(values()).filter(o -> o.word().equals(word)).findFirst();
  }
}
