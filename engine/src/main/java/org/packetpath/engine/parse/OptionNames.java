package org.packetpath.engine.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.packetpath.engine.ext.Extensions;
import org.packetpath.engine.ext.ModuleSpec;
import org.packetpath.engine.ext.OptionSpec;
import org.packetpath.engine.input.Suggest;

/**
 * Which option a word names, as getopt_long over iptables' merged option table finds it: the
 * base options by every spelling iptables accepts, then the options of the extensions loaded so
 * far, exact names before unique prefixes. An unknown option is explained: the option it was
 * probably meant to be, or the extension it belongs to.
 */
final class OptionNames {
  private OptionNames() {}

  /** The base options, by every spelling iptables accepts, to their short form. */
  private static final Map<String, String> BASE = new LinkedHashMap<>();

  static {
    String[][] spellings = {
      {"-A", "--append"}, {"-I", "--insert"}, {"-D", "--delete"}, {"-R", "--replace"},
      {"-N", "--new-chain"}, {"-X", "--delete-chain"}, {"-P", "--policy"}, {"-F", "--flush"},
      {"-Z", "--zero"}, {"-E", "--rename-chain"}, {"-L", "--list"}, {"-S", "--list-rules"},
      {"-C", "--check"}, {"-t", "--table"}, {"-s", "--source", "--src"},
      {"-d", "--destination", "--dst"}, {"-i", "--in-interface"}, {"-o", "--out-interface"},
      {"-p", "--protocol"}, {"-f", "--fragment"}, {"-m", "--match"}, {"-j", "--jump"},
      {"-g", "--goto"}, {"-c", "--set-counters"}, {"-w", "--wait"}, {"-W", "--wait-interval"},
      {"-v", "--verbose"}, {"-n", "--numeric"}, {"-x", "--exact"}, {"-4", "--ipv4"},
      {"-6", "--ipv6"}, {"--line-numbers"}, {"--modprobe"}
    };
    for (String[] group : spellings) {
      for (String s : group) {
        BASE.put(s, group[0]);
      }
    }
  }

  /**
   * What a long option names: a base option (by its short form, {@code baseName}) or an option
   * of a loaded extension ({@code owner} and {@code spec}).
   */
  record Resolved(String baseName, Extension owner, OptionSpec spec) {}

  /** The short form of the base option spelled exactly {@code word}, or null. */
  static String base(String word) {
    return BASE.get(word);
  }

  /**
   * Finds the owner of long option {@code token}: exact names first (the most recently loaded
   * extension first), then a unique prefix of a base or extension option. Loads the implicit
   * protocol match ({@code -p tcp} → {@code -m tcp}) when nothing else knows the option.
   */
  static Resolved resolve(Words words, RuleSpec rule, Token token) throws LineError {
    String word = token.text();
    List<Extension> loaded = rule.loaded();
    for (int i = loaded.size() - 1; i >= 0; i--) {
      Optional<OptionSpec> spec = loaded.get(i).spec.option(word);
      if (spec.isPresent()) {
        return new Resolved(null, loaded.get(i), spec.get());
      }
    }
    List<Resolved> prefixed = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, String> e : BASE.entrySet()) {
      if (e.getKey().startsWith("--") && e.getKey().startsWith(word)) {
        if (prefixed.stream().noneMatch(r -> e.getValue().equals(r.baseName))) {
          prefixed.add(new Resolved(e.getValue(), null, null));
        }
        names.add(e.getKey());
      }
    }
    for (int i = loaded.size() - 1; i >= 0; i--) {
      Extension owner = loaded.get(i);
      for (OptionSpec spec : owner.spec.options()) {
        for (String spelling : spec.spellings()) {
          if (spelling.startsWith(word)) {
            if (prefixed.stream().noneMatch(r -> r.owner == owner && r.spec == spec)) {
              prefixed.add(new Resolved(null, owner, spec));
            }
            names.add(spelling);
          }
        }
      }
    }
    if (prefixed.size() == 1) {
      return prefixed.get(0);
    }
    if (prefixed.size() > 1) {
      throw words.error(token, "unknown option \"" + word + "\"")
          .explain("it is the start of several options: " + String.join(", ", names));
    }
    Optional<ModuleSpec> implicit = rule.implicitProtocolMatch();
    if (implicit.isPresent()) {
      rule.load(implicit.get(), token);
      return resolve(words, rule, token);
    }
    throw unknown(words, loaded, token);
  }

  private static LineError unknown(Words words, List<Extension> loaded, Token token) {
    String word = token.text();
    LineError e = words.error(token, "unknown option \"" + word + "\"");
    List<String> known = new ArrayList<>();
    for (Extension l : loaded) {
      l.spec.options().forEach(o -> known.addAll(o.spellings()));
    }
    Optional<String> close = Suggest.closest(word, known);
    if (close.isPresent()) {
      return e.explain("did you mean " + close.get() + "?");
    }
    for (String proto : List.of("tcp", "udp", "icmp")) {
      if (Extensions.match(proto).flatMap(m -> m.option(word)).isPresent()) {
        return e.explain(
            word + " belongs to the " + proto + " match: give the protocol first, as in -p "
                + proto + " " + word + " ...");
      }
    }
    for (ModuleSpec spec : Extensions.matches()) {
      if (spec.option(word).isPresent()) {
        return e.explain(word + " belongs to the " + spec.name() + " match: load it with -m "
            + spec.name() + " before the option");
      }
    }
    for (ModuleSpec spec : Extensions.targets()) {
      if (spec.option(word).isPresent()) {
        return e.explain(word + " is an option of the " + spec.name()
            + " target: write it after -j " + spec.name());
      }
    }
    return e;
  }
}
