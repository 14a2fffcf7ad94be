package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.packetpath.engine.rules.Option;

/**
 * One option an extension accepts: its canonical name, other accepted spellings, how many
 * arguments it takes, whether {@code !} may precede it, how its arguments become canonical, and
 * iptables' error for giving it twice ({@code twice}, a format whose {@code %s} is the module).
 */
public record OptionSpec(String name, List<String> aliases, int arity, boolean invertible,
    boolean freeText, Canon canon, String twice) {

  /** Turns what the user wrote into the canonical option (which may have another name). */
  @FunctionalInterface
  public interface Canon {
    Option apply(String name, boolean negated, List<String> args) throws ArgException;
  }

  /** Canonicalises the arguments only; the option keeps its canonical name. */
  @FunctionalInterface
  public interface ArgsCanon {
    List<String> apply(List<String> args) throws ArgException;
  }

  /** Canonicalises a single argument. */
  @FunctionalInterface
  public interface ArgCanon {
    String apply(String arg) throws ArgException;
  }

  public OptionSpec {
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(canon, "canon");
    if (twice == null) {
      twice = twiceNamed(name);
    }
    if (arity < 0) {
      throw new IllegalArgumentException("arity must be >= 0: " + arity);
    }
  }

  /** An option taking one argument, canonicalised by {@code canon}. */
  public static OptionSpec one(String name, ArgCanon canon) {
    return new OptionSpec(
        name,
        List.of(),
        1,
        false,
        false,
        (n, neg, args) -> {
          try {
            return new Option(n, neg, List.of(canon.apply(args.get(0))));
          } catch (ArgException e) {
            throw e.argIndex() < 0 ? e.at(0) : e;
          }
        },
        null);
  }

  /**
   * An option taking one of {@code words} (in any case if {@code ignoreCase}, then printed as
   * listed); anything else fails with {@code errorFormat}, its {@code %s} the argument, explained
   * to learners by {@code explanation}.
   */
  public static OptionSpec oneOf(String name, List<String> words, boolean ignoreCase,
      String errorFormat, String explanation) {
    return one(name, a -> {
      for (String w : words) {
        if (ignoreCase ? w.equalsIgnoreCase(a) : w.equals(a)) {
          return w;
        }
      }
      throw new ArgException(String.format(errorFormat, a)).explained(explanation);
    });
  }

  /** An option taking {@code arity} arguments, canonicalised together. */
  public static OptionSpec many(String name, int arity, ArgsCanon canon) {
    return new OptionSpec(name, List.of(), arity, false, false,
        (n, neg, args) -> new Option(n, neg, canon.apply(args)), null);
  }

  /** An option without arguments. */
  public static OptionSpec flag(String name) {
    return new OptionSpec(
        name, List.of(), 0, false, false, (n, neg, args) -> new Option(n, neg, List.of()), null);
  }

  /** An option with a fully custom canonicalisation (for renames such as {@code --syn}). */
  public static OptionSpec custom(String name, int arity, Canon canon) {
    return new OptionSpec(name, List.of(), arity, false, false, canon, null);
  }

  /** This option, also accepting {@code !} before it. */
  public OptionSpec negatable() {
    return new OptionSpec(name, aliases, arity, true, freeText, canon, twice);
  }

  /**
   * This option, with its argument printed as free text: quoted when it holds anything but
   * letters, digits, {@code _} and {@code -}, as iptables-save does for comments and log
   * prefixes.
   */
  public OptionSpec quoted() {
    return new OptionSpec(name, aliases, arity, invertible, true, canon, twice);
  }

  /** This option, also accepted under other names. */
  public OptionSpec alias(String... names) {
    List<String> all = new ArrayList<>(aliases);
    all.addAll(List.of(names));
    return new OptionSpec(name, all, arity, invertible, freeText, canon, twice);
  }

  /**
   * This option, named {@code entry} in the error for giving it twice: the name the first entry
   * of the extension's option table gives it ({@code --destination-port} for udp's {@code
   * --dport}).
   */
  public OptionSpec namedTwice(String entry) {
    return new OptionSpec(name, aliases, arity, invertible, freeText, canon, twiceNamed(entry));
  }

  /** This option, refused with {@code message} when given twice (a parser of its own). */
  public OptionSpec twice(String message) {
    return new OptionSpec(name, aliases, arity, invertible, freeText, canon,
        message.replace("%", "%%"));
  }

  /** iptables' error for giving this option twice in a match or target called {@code module}. */
  public String twiceMessage(String module) {
    return String.format(twice, module);
  }

  private static String twiceNamed(String entry) {
    return "%s: option \"" + entry + "\" can only be used once.";
  }

  /** Whether the option is accepted under {@code spelling}. */
  public boolean accepts(String spelling) {
    return name.equals(spelling) || aliases.contains(spelling);
  }

  /** Every spelling this option is accepted under, canonical name first. */
  public List<String> spellings() {
    List<String> all = new ArrayList<>();
    all.add(name);
    all.addAll(aliases);
    return all;
  }

  /** Canonicalises one use of this option. */
  public Option canonical(boolean negated, List<String> args) throws ArgException {
    return canon.apply(name, negated, args);
  }

  /**
   * Canonicalises a single argument knowing the rule's {@code -p} as read before the option
   * (empty when none was, or {@code -p all}), as extensions that read {@code -p} while parsing
   * do ({@code multiport}).
   */
  @FunctionalInterface
  public interface ProtocolArgCanon {
    String apply(Optional<Option> protocol, String arg) throws ArgException;
  }

  /** The canonicalisation of an option that reads {@code -p}; only {@link #canonical} with it. */
  private record ProtocolCanon(ProtocolArgCanon canon) implements Canon {
    @Override
    public Option apply(String name, boolean negated, List<String> args) {
      throw new IllegalStateException(name + " needs the rule's -p to be read");
    }
  }

  /** An option taking one argument, canonicalised by {@code canon} knowing the {@code -p}. */
  public static OptionSpec oneWithProtocol(String name, ProtocolArgCanon canon) {
    return new OptionSpec(name, List.of(), 1, false, false, new ProtocolCanon(canon), null);
  }

  /** Canonicalises one use of this option, {@code protocol} being the {@code -p} read before it. */
  public Option canonical(Optional<Option> protocol, boolean negated, List<String> args)
      throws ArgException {
    if (canon instanceof ProtocolCanon p) {
      try {
        return new Option(name, negated, List.of(p.canon().apply(protocol, args.get(0))));
      } catch (ArgException e) {
        throw e.argIndex() < 0 ? e.at(0) : e;
      }
    }
    return canonical(negated, args);
  }
}
