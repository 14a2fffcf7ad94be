package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Field;
import org.packetpath.engine.rules.Option;

/** What the base options of a rule ({@code -s -d -i -o -p -f}) ask of a packet. */
public final class BaseOptions {
  private BaseOptions() {}

  /** The condition of the canonical base options, each inverted by its own {@code !}. */
  public static Condition meaning(List<Option> base) {
    List<Condition> parts = new ArrayList<>();
    for (Option o : base) {
      parts.add(Condition.not(o.negated(), of(o)));
    }
    return Condition.all(parts);
  }

  private static Condition of(Option o) {
    return switch (o.name()) {
      case "-s" -> Meanings.network(Field.SOURCE, o.arg());
      case "-d" -> Meanings.network(Field.DESTINATION, o.arg());
      case "-i" -> new Condition.Iface(Condition.Direction.IN, o.arg());
      case "-o" -> new Condition.Iface(Condition.Direction.OUT, o.arg());
      case "-p" -> Meanings.protocol(o.arg());
      // Fragments are not simulated: every packet is a first fragment, which -f never matches.
      case "-f" -> Condition.FALSE;
      default -> throw new IllegalStateException("unknown base option " + o.name());
    };
  }
}
