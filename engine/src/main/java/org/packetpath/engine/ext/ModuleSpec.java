package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import org.packetpath.engine.input.Checks;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Option;
import org.packetpath.engine.rules.Table;

/**
 * A match or target extension, as data: its options, the order iptables-save prints them in,
 * the rules of its option table, the checks and defaults applied once all options are read, the
 * tables and hooks it may be used from, and what it means: the {@link Condition} a match's
 * options state, or the {@link Action} a target's options ask for.
 *
 * <p>Once every option of one use is read, {@link #finish} runs, in iptables' order, the
 * extension's own final check ({@code check}, libxtables' {@code x6_fcheck}), the option table's
 * rules ({@code rules}, {@code xtables_options_fcheck}), and then {@code finisher}: the checks
 * the kernel makes when the rule is loaded and the defaults iptables-save prints.
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
    Finisher check,
    OptionRules rules,
    Finisher finisher,
    Set<Table> tables,
    Set<Hook> hooks,
    Optional<String> notSimulated,
    Meaning<Condition> condition,
    Meaning<Action> action) {

  /** Match ({@code -m}) or target ({@code -j}). */
  public enum Kind {
    MATCH,
    TARGET
  }

  /**
   * Checks the options of one use together, or adds the defaults iptables-save prints. Receives
   * the options in save order (as written, for extensions without a save order); returns them.
   */
  @FunctionalInterface
  public interface Finisher {
    List<Option> finish(RuleContext rule, List<Option> options) throws ArgException;

    /**
     * Leaves the options as they are if {@code holds} is true of them; otherwise fails with
     * {@code message}, explained to learners by {@code explanation}.
     */
    static Finisher requiring(BiPredicate<RuleContext, List<Option>> holds, String message,
        String explanation) {
      return (rule, options) -> {
        if (!holds.test(rule, options)) {
          throw new ArgException(message).explained(explanation);
        }
        return options;
      };
    }

    /** Fails with {@code message}, explained by {@code explanation}, when no option is given. */
    static Finisher atLeastOne(String message, String explanation) {
      return requiring((rule, options) -> !options.isEmpty(), message, explanation);
    }
  }

  /** What one use of the extension means, read from its canonical options. */
  @FunctionalInterface
  public interface Meaning<T> {
    T of(List<Option> options);
  }

  private static final Finisher UNCHANGED = (r, o) -> o;

  public ModuleSpec {
    Checks.nonNull("kind", kind, "name", name, "check", check, "rules", rules, "finisher", finisher,
        "notSimulated", notSimulated, "condition", condition, "action", action);
    options = List.copyOf(options);
    saveOrder = List.copyOf(saveOrder);
    tables = tables.isEmpty() ? Set.of() : Set.copyOf(tables);
    hooks = hooks.isEmpty() ? Set.of() : Set.copyOf(hooks);
  }

  /** A match whose options print in the order they are listed here. */
  public static ModuleSpec match(String name, OptionSpec... options) {
    return new ModuleSpec(Kind.MATCH, name, List.of(options), namesOf(options), UNCHANGED,
        OptionRules.none(), UNCHANGED, Set.of(), Set.of(), Optional.empty(),
        o -> {
          throw new IllegalStateException("match " + name + " has no meaning");
        },
        o -> {
          throw new IllegalStateException("a match has no action");
        });
  }

  /** A match of the one option {@code option}, which must be given. */
  public static ModuleSpec matchRequiring(String name, OptionSpec option) {
    return match(name, option).withRules(OptionRules.of(option.name()).mandatory(option.name()));
  }

  /** A target whose options print in the order they are listed here. */
  public static ModuleSpec target(String name, OptionSpec... options) {
    return new ModuleSpec(Kind.TARGET, name, List.of(options), namesOf(options), UNCHANGED,
        OptionRules.none(), UNCHANGED, Set.of(), Set.of(), Optional.empty(),
        o -> {
          throw new IllegalStateException("a target has no condition");
        },
        o -> {
          throw new IllegalStateException("target " + name + " has no action");
        });
  }

  private static List<String> namesOf(OptionSpec... options) {
    List<String> names = new ArrayList<>();
    for (OptionSpec o : options) {
      names.add(o.name());
    }
    return names;
  }

  public ModuleSpec withSaveOrder(String... names) {
    return new ModuleSpec(kind, name, options, List.of(names), check, rules, finisher, tables,
        hooks, notSimulated, condition, action);
  }

  /** The extension's own final check, run before the option table's rules. */
  public ModuleSpec checkedBy(Finisher f) {
    return new ModuleSpec(kind, name, options, saveOrder, f, rules, finisher, tables, hooks,
        notSimulated, condition, action);
  }

  public ModuleSpec withRules(OptionRules r) {
    return new ModuleSpec(kind, name, options, saveOrder, check, r, finisher, tables, hooks,
        notSimulated, condition, action);
  }

  /** The kernel's checks and the defaults, run after the option table's rules. */
  public ModuleSpec withFinisher(Finisher f) {
    return new ModuleSpec(kind, name, options, saveOrder, check, rules, f, tables, hooks,
        notSimulated, condition, action);
  }

  public ModuleSpec onlyIn(Table... allowed) {
    Set<Table> set = EnumSet.noneOf(Table.class);
    set.addAll(List.of(allowed));
    return new ModuleSpec(kind, name, options, saveOrder, check, rules, finisher, set, hooks,
        notSimulated, condition, action);
  }

  public ModuleSpec onlyFrom(Hook... allowed) {
    Set<Hook> set = EnumSet.noneOf(Hook.class);
    set.addAll(List.of(allowed));
    return new ModuleSpec(kind, name, options, saveOrder, check, rules, finisher, tables, set,
        notSimulated, condition, action);
  }

  public ModuleSpec notSimulated(String why) {
    return new ModuleSpec(kind, name, options, saveOrder, check, rules, finisher, tables, hooks,
        Optional.of(why), condition, action);
  }

  /** What a use of this match means. */
  public ModuleSpec meaning(Meaning<Condition> m) {
    return new ModuleSpec(kind, name, options, saveOrder, check, rules, finisher, tables, hooks,
        notSimulated, m, action);
  }

  /** What a use of this target does. */
  public ModuleSpec does(Meaning<Action> a) {
    return new ModuleSpec(kind, name, options, saveOrder, check, rules, finisher, tables, hooks,
        notSimulated, condition, a);
  }

  /**
   * The canonical options of one use, from the options as read one by one: the extension's own
   * check, its option table's rules, then the finisher, in save order.
   */
  public List<Option> finish(RuleContext rule, List<Option> given) throws ArgException {
    List<Option> checked = check.finish(rule, sorted(given));
    if (!rules.isEmpty()) {
      rules.check(name, checked);
    }
    return sorted(finisher.finish(rule, checked));
  }

  /** The option spec accepting the spelling {@code spelling} exactly, if any. */
  public Optional<OptionSpec> option(String spelling) {
    for (OptionSpec o : options) {
      if (o.accepts(spelling)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  /** Sorts canonical options into save order (stable for options of the same name). */
  public List<Option> sorted(List<Option> given) {
    if (inSaveOrder(given)) {
      return List.copyOf(given);
    }
    List<Option> copy = new ArrayList<>(given);
    copy.sort(Comparator.comparingInt(this::rank));
    return List.copyOf(copy);
  }

  private boolean inSaveOrder(List<Option> options) {
    for (int i = 1; i < options.size(); i++) {
      if (rank(options.get(i - 1)) > rank(options.get(i))) {
        return false;
      }
    }
    return true;
  }

  private int rank(Option option) {
    int i = saveOrder.indexOf(option.name());
    return i < 0 ? saveOrder.size() : i;
  }
}
