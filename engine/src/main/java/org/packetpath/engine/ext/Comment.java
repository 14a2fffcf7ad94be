package org.packetpath.engine.ext;

import java.util.List;
import org.packetpath.engine.rules.Condition;

/** The {@code comment} match: it holds for every packet and documents the rule. */
final class Comment {
  private Comment() {}

  static ModuleSpec spec() {
    OptionSpec comment =
        OptionSpec.one(
                "--comment",
                a -> {
                  if (a.length() > 255) {
                    throw new ArgException("COMMENT must be shorter than 256 characters")
                        .explained("this comment has " + a.length() + " characters");
                  }
                  return a;
                })
            .quoted();
    return ModuleSpec.match("comment", comment)
        .withRules(OptionRules.of("--comment").mandatory("--comment"))
        .meaning(options -> Condition.TRUE);
  }

  static List<ModuleSpec> all() {
    return List.of(spec());
  }
}
