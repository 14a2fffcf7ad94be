package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.packetpath.engine.rules.Option;

/**
 * The rules an extension's option table states about its options, checked once every option
 * of a use has been read, as libxtables' {@code xtables_options_fcheck} does: for each option in
 * table order, whether it is mandatory, then which other options (in the order of their ids) it
 * cannot be combined with or also needs. The first broken rule is reported with iptables'
 * wording. Immutable; built with {@link #of} and the chained methods.
 */
public final class OptionRules {
  /** One entry of the table: the option as iptables names it in messages, and its rules. */
  private record Entry(String name, String label, int id, boolean mandatory,
      Set<String> excludes, Set<String> needs) {}

  private static final OptionRules NONE = new OptionRules(List.of());

  private final List<Entry> entries;
  /** The entries in the order of their ids. */
  private final List<Entry> byId;

  private OptionRules(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort((a, b) -> Integer.compare(a.id(), b.id()));
    this.byId = List.copyOf(sorted);
  }

  /** No rules at all. */
  public static OptionRules none() {
    return NONE;
  }

  /**
   * A table of the options {@code names}, in table order; their ids follow the same order
   * unless {@link #ids} says otherwise.
   */
  public static OptionRules of(String... names) {
    List<Entry> list = new ArrayList<>();
    for (String n : names) {
      list.add(new Entry(n, n, list.size(), false, Set.of(), Set.of()));
    }
    return new OptionRules(list);
  }

  /** The options' ids: {@code names} in id order (the order of iptables' option enum). */
  public OptionRules ids(String... names) {
    List<String> order = List.of(names);
    return map(e -> new Entry(e.name(), e.label(), order.indexOf(e.name()), e.mandatory(),
        e.excludes(), e.needs()));
  }

  /** {@code name} must be given. */
  public OptionRules mandatory(String name) {
    return update(name, e -> new Entry(e.name(), e.label(), e.id(), true, e.excludes(),
        e.needs()));
  }

  /** {@code name} cannot be combined with any of {@code others}. */
  public OptionRules excludes(String name, String... others) {
    return update(name, e -> new Entry(e.name(), e.label(), e.id(), e.mandatory(),
        union(e.excludes(), others), e.needs()));
  }

  /** No two of {@code names} can be combined. */
  public OptionRules exclusive(String... names) {
    OptionRules out = this;
    for (String n : names) {
      List<String> others = new ArrayList<>(List.of(names));
      others.remove(n);
      out = out.excludes(n, others.toArray(new String[0]));
    }
    return out;
  }

  /** {@code name} needs {@code other} too. */
  public OptionRules needs(String name, String other) {
    return update(name, e -> new Entry(e.name(), e.label(), e.id(), e.mandatory(), e.excludes(),
        union(e.needs(), other)));
  }

  /** {@code name} is called {@code label} in messages ({@code --dports} is --destination-ports). */
  public OptionRules label(String name, String label) {
    return update(name, e -> new Entry(e.name(), label, e.id(), e.mandatory(), e.excludes(),
        e.needs()));
  }

  /** Whether the table states no rules at all. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Checks the canonical options given; fails with iptables' message. */
  public void check(String module, List<Option> given) throws ArgException {
    for (Entry e : entries) {
      boolean present = Args.indexOf(given, e.name()) >= 0;
      if (e.mandatory() && !present) {
        throw new ArgException(module + ": option \"" + e.label() + "\" must be specified")
            .explained("add " + e.label());
      }
      if (!present) {
        continue;
      }
      for (Entry other : byId) {
        if (other == e || Args.indexOf(given, other.name()) < 0) {
          if (other != e && e.needs().contains(other.name())) {
            throw new ArgException(module + ": option \"" + e.label() + "\" also requires \""
                + other.label() + "\".")
                .explained(e.label() + " only works together with " + other.label());
          }
          continue;
        }
        if (e.excludes().contains(other.name())) {
          throw new ArgException(module + ": option \"" + e.label()
              + "\" cannot be used together with \"" + other.label() + "\".")
              .explained(e.label() + " and " + other.label() + " cannot go in one rule: keep"
                  + " one, or split them into two rules");
        }
      }
    }
  }

  private OptionRules update(String name, java.util.function.UnaryOperator<Entry> change) {
    Optional<Entry> entry = entries.stream().filter(e -> e.name().equals(name)).findFirst();
    if (entry.isEmpty()) {
      throw new IllegalArgumentException("no option " + name + " in this table");
    }
    return map(e -> e.name().equals(name) ? change.apply(e) : e);
  }

  private OptionRules map(java.util.function.UnaryOperator<Entry> change) {
    return new OptionRules(entries.stream().map(change).toList());
  }

  private static Set<String> union(Set<String> set, String... more) {
    List<String> all = new ArrayList<>(set);
    all.addAll(List.of(more));
    return Set.copyOf(all);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OptionRules r && entries.equals(r.entries);
  }

  @Override
  public int hashCode() {
    return Objects.hash(entries);
  }
}
