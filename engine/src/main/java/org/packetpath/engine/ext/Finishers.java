package org.packetpath.engine.ext;

import java.util.List;
import java.util.function.Predicate;
import org.packetpath.engine.rules.Option;

/** Common whole-extension checks, with iptables' wording. */
public final class Finishers {
  private Finishers() {}

  /** Fails with {@code MODULE: option "--x" must be specified} when the option is missing. */
  public static ModuleSpec.Finisher required(String module, String option) {
    return (rule, options) -> {
      if (options.stream().noneMatch(o -> o.name().equals(option))) {
        throw new ArgException(module + ": option \"" + option + "\" must be specified");
      }
      return options;
    };
  }

  /** Fails with {@code MODULE: At least one option is required} when no option was given. */
  public static ModuleSpec.Finisher atLeastOne(String module) {
    return (rule, options) -> {
      if (options.isEmpty()) {
        throw new ArgException(module + ": At least one option is required");
      }
      return options;
    };
  }

  /** Fails when more than one of {@code names} was given. */
  public static ModuleSpec.Finisher exclusive(String module, String... names) {
    List<String> group = List.of(names);
    return (rule, options) -> {
      List<Option> used = options.stream().filter(o -> group.contains(o.name())).toList();
      if (used.size() > 1) {
        throw new ArgException(
            module
                + ": option \""
                + used.get(0).name()
                + "\" cannot be used together with \""
                + used.get(1).name()
                + "\".");
      }
      return options;
    };
  }

  /** Runs {@code first}, then {@code second} on its result. */
  public static ModuleSpec.Finisher both(ModuleSpec.Finisher first, ModuleSpec.Finisher second) {
    return (rule, options) -> second.finish(rule, first.finish(rule, options));
  }

  /** Whether any option satisfies {@code test}. */
  static boolean any(List<Option> options, Predicate<Option> test) {
    return options.stream().anyMatch(test);
  }
}
