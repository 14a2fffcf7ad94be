package org.packetpath.engine.parse;

import java.util.ArrayList;
import java.util.List;
import org.packetpath.engine.ext.ModuleSpec;
import org.packetpath.engine.ext.OptionSpec;
import org.packetpath.engine.rules.Option;

/** A match or target extension a rule loads, with the options the rule gives it. */
final class Extension {
  final ModuleSpec spec;
  final Token at;
  final List<Option> options = new ArrayList<>();
  /** The options given so far, by the spec that read them. */
  final List<OptionSpec> given = new ArrayList<>(2);

  Extension(ModuleSpec spec, Token at) {
    this.spec = spec;
    this.at = at;
  }
}
