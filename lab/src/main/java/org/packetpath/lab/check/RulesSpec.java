package org.packetpath.lab.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.parse.RulesParser;
import org.packetpath.engine.rules.Chain;
import org.packetpath.engine.rules.Counters;
import org.packetpath.engine.rules.Hook;
import org.packetpath.engine.rules.Policy;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.rules.TableRules;
import org.packetpath.lab.Exercise;

/**
 * Which ruleset the checks run against, written as one string so that it can travel as a JUnit
 * configuration parameter ({@value CheckEngine#RULES}):
 *
 * <ul>
 *   <li>a file's path: the learner's rules, {@code work/misplaced-rules.rules};
 *   <li>{@code exercise:PATH}: a rules file of the exercise, {@code exercise:solution.rules},
 *       {@code exercise:start.rules}, {@code exercise:wrong/drop-first.rules};
 *   <li>{@code builtin:accept-everything} or {@code builtin:drop-everything}: the reference
 *       solution with its filter table replaced by empty INPUT, FORWARD and OUTPUT chains whose
 *       policy is ACCEPT (or DROP), the trivial answers every exercise must refuse.
 * </ul>
 */
public sealed interface RulesSpec {
  /** The string form, which {@link #parse} reads back. */
  String text();

  /** The ruleset for {@code exercise}, with every diagnostic found reading it. */
  Parsed<Ruleset> load(Exercise exercise);

  /** Reads the string form. */
  static RulesSpec parse(String text) {
    if (text.startsWith(OfExercise.PREFIX)) {
      return new OfExercise(text.substring(OfExercise.PREFIX.length()));
    }
    if (text.startsWith(Trivial.PREFIX)) {
      String name = text.substring(Trivial.PREFIX.length());
      for (Trivial t : Trivial.values()) {
        if (t.word().equals(name)) {
          return t;
        }
      }
      throw new IllegalArgumentException("unknown built-in ruleset \"" + name
          + "\"; there are accept-everything and drop-everything");
    }
    return new File(Path.of(text));
  }

  /** The learner's rules file. */
  static RulesSpec file(Path path) {
    return new File(path);
  }

  /** A rules file of the exercise, by its path in the exercise's folder. */
  static RulesSpec exercise(String path) {
    return new OfExercise(path);
  }

  /** A trivial ruleset derived from the exercise's reference solution. */
  static RulesSpec builtin(Trivial trivial) {
    return Objects.requireNonNull(trivial, "trivial");
  }

  /** A rules file on disk. */
  record File(Path path) implements RulesSpec {
    public File {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String text() {
      return path.toString();
    }

    @Override
    public Parsed<Ruleset> load(Exercise exercise) {
      return RulesParser.parse(path);
    }
  }

  /** A rules file that comes with the exercise. */
  record OfExercise(String path) implements RulesSpec {
    static final String PREFIX = "exercise:";

    public OfExercise {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String text() {
      return PREFIX + path;
    }

    @Override
    public Parsed<Ruleset> load(Exercise exercise) {
      return exercise.rules(path).map(f -> f.parse()).orElseGet(() -> Parsed.failed(
          Diagnostic.error(new SourcePosition(text(), 0, 0), "",
              "exercise " + exercise.id() + " has no rules file " + path)));
    }
  }

  /**
   * The trivial answers: the reference solution with a filter table that decides everything by
   * one policy.
   */
  enum Trivial implements RulesSpec {
    ACCEPT_EVERYTHING(Policy.ACCEPT),
    DROP_EVERYTHING(Policy.DROP);

    static final String PREFIX = "builtin:";

    private final Policy policy;

    Trivial(Policy policy) {
      this.policy = policy;
    }

    /** {@code accept-everything} or {@code drop-everything}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String text() {
      return PREFIX + word();
    }

    @Override
    public Parsed<Ruleset> load(Exercise exercise) {
      Parsed<Ruleset> solution = exercise.solution().parse();
      return solution.value().map(r -> Parsed.of(trivial(r), List.of()))
          .orElse(solution);
    }

    private Ruleset trivial(Ruleset solution) {
      List<TableRules> tables = new ArrayList<>();
      solution.tables().stream().filter(t -> t.table() != Table.FILTER).forEach(tables::add);
      List<Chain> chains = new ArrayList<>();
      for (Hook hook : Table.FILTER.builtinHooks()) {
        chains.add(new Chain(hook.name(), Optional.of(policy), Counters.ZERO, List.of(),
            true, SourcePosition.NONE));
      }
      tables.add(new TableRules(Table.FILTER, chains));
      return new Ruleset(tables);
    }
  }
}
