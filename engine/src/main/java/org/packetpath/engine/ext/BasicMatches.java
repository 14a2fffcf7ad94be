package org.packetpath.engine.ext;

import java.util.List;

/** The {@code comment} match: it matches every packet and documents the rule. */
final class BasicMatches {
  private BasicMatches() {}

  static List<ModuleSpec> all() {
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
    return List.of(
        ModuleSpec.match("comment", comment)
            .withFinisher(Finishers.required("comment", "--comment")));
  }
}
