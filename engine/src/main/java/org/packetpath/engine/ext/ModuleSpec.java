package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.rules.Table;

/**
 * A match or target extension: its options, the order iptables-save prints them in, the checks
 * and defaults applied once all options are read, and the tables and hooks it may be used from.
 *
 * @param saveOrder canonical option names in printing order; options not listed print last
 * @param tables tables the extension may be used in; empty means all
 * @param hooks hooks the extension may be reached from; empty means all
 * @param notSimulated why the simulator does not model this extension, or empty when it does
 */
public record ModuleSpec(
    Kind kind,
    String name,
    List<OptionSpec> options,
    List<String> saveOrder,
    Finisher finisher,
    Set<Table> tables,
    Set<Hook> hooks,
    Optional<String> notSimulated) {

  /** Match ({@code -m}) or target ({@code -j}). */
  public enum Kind {
    MATCH,
    TARGET
  }

  /**
   * Checks the options of one use together and adds the defaults iptables-save prints. Receives
   * the options in save order; returns them in save order.
   */
  @FunctionalInterface
  public interface Finisher {
    List<Option> finish(RuleContext rule, List<Option> options) throws ArgException;
  }

  public ModuleSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    options = List.copyOf(options);
    saveOrder = List.copyOf(saveOrder);
    Objects.requireNonNull(finisher, "finisher");
    tables = tables.isEmpty() ? Set.of() : Set.copyOf(tables);
    hooks = hooks.isEmpty() ? Set.of() : Set.copyOf(hooks);
    Objects.requireNonNull(notSimulated, "notSimulated");
  }

  /** A match whose options print in the order they are listed here. */
  public static ModuleSpec match(String name, OptionSpec... options) {
    return new ModuleSpec(
        Kind.MATCH, name, List.of(options), namesOf(options), (r, o) -> o, Set.of(), Set.of(),
        Optional.empty());
  }

  /** A target whose options print in the order they are listed here. */
  public static ModuleSpec target(String name, OptionSpec... options) {
    return new ModuleSpec(
        Kind.TARGET, name, List.of(options), namesOf(options), (r, o) -> o, Set.of(), Set.of(),
        Optional.empty());
  }

  private static List<String> namesOf(OptionSpec... options) {
    List<String> names = new ArrayList<>();
    for (OptionSpec o : options) {
      names.add(o.name());
    }
    return names;
  }

  public ModuleSpec withSaveOrder(String... names) {
    return new ModuleSpec(kind, name, options, List.of(names), finisher, tables, hooks, notSimulated);
  }

  public ModuleSpec withFinisher(Finisher f) {
    return new ModuleSpec(kind, name, options, saveOrder, f, tables, hooks, notSimulated);
  }

  public ModuleSpec onlyIn(Table... allowed) {
    Set<Table> set = EnumSet.noneOf(Table.class);
    set.addAll(List.of(allowed));
    return new ModuleSpec(kind, name, options, saveOrder, finisher, set, hooks, notSimulated);
  }

  public ModuleSpec onlyFrom(Hook... allowed) {
    Set<Hook> set = EnumSet.noneOf(Hook.class);
    set.addAll(List.of(allowed));
    return new ModuleSpec(kind, name, options, saveOrder, finisher, tables, set, notSimulated);
  }

  public ModuleSpec notSimulated(String why) {
    return new ModuleSpec(kind, name, options, saveOrder, finisher, tables, hooks, Optional.of(why));
  }

  /** The option spec accepting the spelling {@code spelling} exactly, if any. */
  public Optional<OptionSpec> option(String spelling) {
    for (OptionSpec o : options) {
      if (o.spellings().contains(spelling)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  /** Sorts canonical options into save order (stable for options of the same name). */
  public List<Option> sorted(List<Option> given) {
    List<Option> copy = new ArrayList<>(given);
    copy.sort(Comparator.comparingInt(this::rank));
    return copy;
  }

  private int rank(Option option) {
    int i = saveOrder.indexOf(option.name());
    return i < 0 ? saveOrder.size() : i;
  }
}
