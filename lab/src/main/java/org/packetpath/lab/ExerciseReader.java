package org.packetpath.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.InputException;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.engine.input.Suggest;
import org.packetpath.engine.packet.Packet;
import org.packetpath.engine.packet.PacketSpec;
import org.packetpath.engine.packet.PacketSyntax;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.rules.Table;
import org.packetpath.engine.topology.Topology;
import org.packetpath.engine.yaml.YamlFile;
import org.packetpath.engine.yaml.YamlNode;
import org.packetpath.engine.yaml.YamlNode.Entry;
import org.packetpath.engine.yaml.YamlNode.Mapping;
import org.packetpath.engine.yaml.YamlNode.Scalar;

/**
 * Reads one exercise folder: {@code exercise.yaml} and the files beside it. Every mistake is
 * reported with its file and line; the exercise is built only when there was none. Not
 * thread-safe; one per exercise.
 */
final class ExerciseReader {
  static final String FILE = "exercise.yaml";

  private static final List<String> TOP_KEYS =
      List.of("id", "title", "concepts", "topology", "checks", "hints", "wrong");
  private static final List<String> CHECK_KEYS =
      List.of("id", "goal", "points", "packet", "packets", "expect");
  private static final List<String> EXPECT_KEYS =
      List.of("disposition", "where", "ctstate", "out", "final", "answer");
  private static final List<String> CTSTATES =
      List.of("NEW", "ESTABLISHED", "RELATED", "INVALID", "UNTRACKED");
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final String ID_HINT =
      "an id is lowercase letters and digits, words joined by -, like office-ssh";
  private static final int MAX_POINTS = 100;

  private final CatalogReader catalog;
  private final int number;
  private final Scalar folder;
  private final String base;
  private YamlFile file;
  private Optional<Topology> topology = Optional.empty();

  ExerciseReader(CatalogReader catalog, int number, Scalar folder) {
    this.catalog = catalog;
    this.number = number;
    this.folder = folder;
    this.base = folder.value() + "/";
  }

  Optional<Exercise> read() {
    int errorsBefore = errors();
    Optional<String> text = catalog.text(base + FILE, Optional.of(new CatalogReader.Reference(
        folder.position(), catalog.indexLine(folder.position().line()),
        "every exercise folder holds an " + FILE)));
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<YamlFile> yaml = catalog.yaml(base + FILE, text.get());
    if (yaml.isEmpty()) {
      return Optional.empty();
    }
    file = yaml.get();
    Optional<Mapping> top = file.root("the exercise file",
        "start with id:, title: and the other keys described in content/README.md");
    if (top.isEmpty()) {
      return Optional.empty();
    }
    return readTop(top.get(), errorsBefore);
  }

  private int errors() {
    return (int) catalog.diagnostics().stream().filter(Diagnostic::isError).count();
  }

  private Optional<Exercise> readTop(Mapping top, int errorsBefore) {
    file.checkKeys(top, TOP_KEYS, "of an exercise");
    Optional<String> id = file.value(top, "id", true, "give the exercise a short id, like"
        + " id: misplaced-rules").filter(s -> validId(s, "exercise id"))
        .filter(s -> catalog.claimId(s, file)).map(Scalar::value);
    Optional<String> title = file.value(top, "title", true, "give the exercise a title, like"
        + " title: The misplaced rules").map(Scalar::value);
    List<String> concepts = file.node(top, "concepts", false, "")
        .map(n -> file.values(n, "\"concepts\"", "list what the exercise teaches, one phrase per"
            + " line"))
        .orElse(List.of()).stream().map(Scalar::value).toList();
    Optional<Scalar> topologyName = top.get("topology").isPresent()
        ? file.value(top, "topology", false, "name \"example\" or a topology file")
        : Optional.empty();
    String topologyText = topologyName.map(Scalar::value).orElse(CatalogReader.EXAMPLE);
    topology = topologyName.isPresent()
        ? catalog.topology(base, topologyName.get(), file)
        : catalog.topology(base, new Scalar(CatalogReader.EXAMPLE, Scalar.Style.PLAIN,
            top.position()), file);
    List<String> declared = new ArrayList<>();
    List<Check> checks = readChecks(top, declared);
    List<String> hints = file.node(top, "hints", true, "give at least one hint, from gentle to"
            + " explicit, under hints:")
        .map(n -> file.values(n, "\"hints\"", "write one hint per item, like - Which chain does"
            + " the packet go through?"))
        .orElse(List.of()).stream().map(Scalar::value).toList();
    if (top.get("hints").isPresent() && hints.isEmpty() && errors() == errorsBefore) {
      file.error(top.get("hints").get().position(), "no hints",
          "give at least one hint, from gentle to explicit");
    }
    Optional<String> instructions = catalog.text(base + Exercise.INSTRUCTIONS, Optional.empty());
    Optional<RulesFile> start = rules(Exercise.START, Optional.empty());
    Optional<RulesFile> solution = rules(Exercise.SOLUTION, Optional.empty());
    List<WrongRuleset> wrong = top.get("wrong").map(n -> readWrong(n, declared))
        .orElse(List.of());
    // A topology shared with an earlier exercise reported its errors there, not here.
    if (errors() > errorsBefore || topology.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Exercise(number, folder.value(), id.orElseThrow(), title.orElseThrow(),
        concepts, topologyText, topology.orElseThrow(), checks, hints, instructions.orElseThrow(),
        start.orElseThrow(), solution.orElseThrow(), wrong));
  }

  private boolean validId(Scalar s, String what) {
    if (ID.matcher(s.value()).matches()) {
      return true;
    }
    file.error(s.position(), "invalid " + what + " \"" + s.value() + "\"", ID_HINT);
    return false;
  }

  /** The rules file at {@code path} in the exercise folder, read and checked. */
  private Optional<RulesFile> rules(String path, Optional<CatalogReader.Reference> reference) {
    Optional<String> text = catalog.text(base + path, reference);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    RulesFile rules = new RulesFile(path, catalog.content().name(base + path), text.get());
    Parsed<Ruleset> parsed = rules.parse();
    catalog.diagnostics().addAll(parsed.diagnostics());
    return parsed.hasErrors() ? Optional.empty() : Optional.of(rules);
  }

  // Checks --------------------------------------------------------------------------------------

  /** The checks that load; {@code declared} gets the id of every check written. */
  private List<Check> readChecks(Mapping top, List<String> declared) {
    List<Check> checks = new ArrayList<>();
    Optional<YamlNode> node = file.node(top, "checks", true, "list the exercise's checks under"
        + " checks:, each with id, goal, points, packet and expect");
    node.flatMap(n -> file.list(n, "\"checks\"", "write each check as a list item starting"
        + " with - id:")).ifPresent(list -> {
          Map<String, Integer> seen = new LinkedHashMap<>();
          for (YamlNode item : list.items()) {
            readCheck(item, seen).ifPresent(checks::add);
          }
          declared.addAll(seen.keySet());
          if (list.items().isEmpty()) {
            file.error(list.position(), "no checks", "an exercise needs at least one check");
          }
        });
    return checks;
  }

  private Optional<Check> readCheck(YamlNode item, Map<String, Integer> seen) {
    Optional<Mapping> found = file.mapping(item, "a check", "give the check its keys, like"
        + " - id: office-ssh, then goal:, points:, packet: and expect: below it");
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Mapping m = found.get();
    int errorsBefore = errors();
    file.checkKeys(m, CHECK_KEYS, "of a check");
    Optional<String> id = file.value(m, "id", true, "give the check a short id, like"
        + " id: office-ssh").filter(s -> validId(s, "check id")).filter(s -> {
          Integer other = seen.putIfAbsent(s.value(), s.position().line());
          if (other != null) {
            file.error(s.position(), "check id \"" + s.value() + "\" is already used on line "
                + other, "every check of an exercise needs an id of its own");
          }
          return other == null;
        }).map(Scalar::value);
    Optional<String> goal = file.value(m, "goal", true, "say what the check proves, in the"
        + " learner's words, like goal: The office can still log in with ssh").map(Scalar::value);
    int points = file.value(m, "points", false, "").flatMap(s -> file.integer(s, 1, MAX_POINTS,
        "invalid points \"" + s.value() + "\"", "points are a whole number from 1 to "
            + MAX_POINTS)).orElse(1);
    List<Probe> packets = readPackets(m);
    Optional<Expectation> expect = file.node(m, "expect", true, "say what must happen to the"
            + " last packet, like expect: {disposition: delivered}")
        .flatMap(n -> file.mapping(n, "\"expect\"", "write expect: and below it disposition:"
            + " and the other keys"))
        .flatMap(this::readExpect);
    if (errors() > errorsBefore || packets.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Check(id.orElseThrow(), goal.orElseThrow(), points, packets,
        expect.orElseThrow(), m.position()));
  }

  private List<Probe> readPackets(Mapping m) {
    boolean one = m.get("packet").isPresent();
    boolean many = m.get("packets").isPresent();
    if (one && many) {
      file.error(m.get("packets").get().position(), "both \"packet\" and \"packets\"",
          "give one packet with packet:, or a sequence with packets:, not both");
      return List.of();
    }
    if (!one && !many) {
      file.error(m.position(), "missing key \"packet\"", "give the packet to send, like packet:"
          + " tcp office:40000 > fw:22 in wan0, or a sequence under packets:");
      return List.of();
    }
    int errorsBefore = errors();
    List<Scalar> texts = one
        ? file.value(m, "packet", true, "write the packet to send").map(List::of)
            .orElse(List.of())
        : file.values(m.get("packets").get(), "\"packets\"", "write one packet per line, like"
            + " - tcp office:40000 > fw:22 in wan0");
    if (many && texts.isEmpty() && errors() == errorsBefore) {
      file.error(m.get("packets").get().position(), "no packets",
          "list at least one packet under packets:");
    }
    List<Probe> probes = new ArrayList<>();
    for (Scalar text : texts) {
      packet(text, text.value()).ifPresent(spec -> {
        if (checkInterface(text, spec)) {
          probes.add(new Probe(text.value(), spec, text.position()));
        }
      });
    }
    return probes.size() == texts.size() ? probes : List.of();
  }

  /** {@code text} read as a packet in the exercise's topology; errors at their column. */
  private Optional<PacketSpec> packet(Scalar at, String text) {
    if (topology.isEmpty()) {
      return Optional.empty();
    }
    Topology t = topology.get();
    PacketSyntax.Names names = (name, in) -> t.resolve(name, in.orElse(""));
    SourcePosition start = at.positionAt(0);
    try {
      return Optional.of(PacketSyntax.parse(text, names,
          start.atColumn(Math.max(start.column() - 1, 0))));
    } catch (InputException e) {
      e.diagnostics().forEach(file::add);
      return Optional.empty();
    }
  }

  private boolean checkInterface(Scalar at, PacketSpec spec) {
    if (spec.in().isEmpty() || topology.orElseThrow().interfaceNamed(spec.in().get())
        .isPresent()) {
      return true;
    }
    int offset = at.value().lastIndexOf(" in ") + 4;
    file.error(at.positionAt(offset), "the firewall has no interface " + spec.in().get(),
        "its interfaces are " + interfaces());
    return false;
  }

  private String interfaces() {
    List<String> names = new ArrayList<>(List.of("lo"));
    topology.orElseThrow().interfaces().forEach(i -> {
      if (!names.contains(i.name())) {
        names.add(i.name());
      }
    });
    return String.join(", ", names);
  }

  // Expectations -------------------------------------------------------------------------------

  private Optional<Expectation> readExpect(Mapping m) {
    int errorsBefore = errors();
    file.checkKeys(m, EXPECT_KEYS, "of expect");
    List<String> words = Arrays.stream(Outcome.values()).map(Outcome::word).toList();
    String outcomeHint = "the outcomes are " + String.join(", ", words);
    Optional<Outcome> outcome = file.value(m, "disposition", true, "say how the packet's"
        + " journey must end, like disposition: delivered; " + outcomeHint)
        .flatMap(s -> outcome(s, words, outcomeHint));
    Optional<Where> where = file.value(m, "where", false, "").flatMap(this::where);
    Optional<String> ctstate = file.value(m, "ctstate", false, "").flatMap(s -> {
      String state = s.value().toUpperCase(Locale.ROOT);
      if (CTSTATES.contains(state)) {
        return Optional.of(state);
      }
      file.error(s.position(), "unknown conntrack state \"" + s.value() + "\"",
          "the states are " + String.join(", ", CTSTATES));
      return Optional.empty();
    });
    Optional<String> out = file.value(m, "out", false, "").flatMap(s -> {
      if (topology.isEmpty() || topology.get().interfaceNamed(s.value()).isPresent()) {
        return Optional.of(s.value());
      }
      file.error(s.position(), "the firewall has no interface " + s.value(),
          "its interfaces are " + interfaces());
      return Optional.empty();
    });
    Optional<Scalar> finalText = file.value(m, "final", false, "");
    Optional<Packet> finalHeader = finalText.flatMap(s -> packet(s, s.value() + " local"))
        .map(PacketSpec::packet);
    Optional<Outcome> answer = file.value(m, "answer", false, "")
        .flatMap(s -> outcome(s, words, outcomeHint));
    if (errors() > errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(new Expectation(outcome.orElseThrow(), where, ctstate, out, finalHeader,
        finalText.map(Scalar::value), answer));
  }

  private Optional<Outcome> outcome(Scalar s, List<String> words, String hint) {
    Optional<Outcome> found = Outcome.byWord(s.value().toLowerCase(Locale.ROOT));
    if (found.isEmpty()) {
      file.error(s.position(), "unknown outcome \"" + s.value() + "\"", Suggest
          .closest(s.value(), words).map(w -> "did you mean " + w + "?").orElse(hint));
    }
    return found;
  }

  private Optional<Where> where(Scalar s) {
    String[] words = s.value().strip().split("\\s+");
    String hint = "write the table and the chain, like where: filter INPUT";
    if (words.length != 2) {
      file.error(s.position(), "invalid where \"" + s.value() + "\"", hint);
      return Optional.empty();
    }
    Optional<Table> table = Table.byLabel(words[0]);
    if (table.isEmpty()) {
      List<String> labels = Arrays.stream(Table.values()).map(Table::label).toList();
      file.error(s.positionAt(0), "unknown table \"" + words[0] + "\"", Suggest
          .closest(words[0], labels).map(w -> "did you mean " + w + "?")
          .orElse("the tables are " + String.join(", ", labels)));
      return Optional.empty();
    }
    return Optional.of(new Where(table.get(), words[1]));
  }

  // Known-wrong rulesets -----------------------------------------------------------------------

  private List<WrongRuleset> readWrong(YamlNode node, List<String> ids) {
    List<WrongRuleset> wrong = new ArrayList<>();
    Optional<Mapping> found = file.mapping(node, "\"wrong\"", "list each known-wrong ruleset"
        + " with the checks it fails, like wrong/drop-first.rules: [office-ssh]");
    if (found.isEmpty()) {
      return wrong;
    }
    for (Entry entry : found.get().entries()) {
      Scalar key = entry.key();
      List<String> fails = new ArrayList<>();
      for (Scalar check : file.values(entry.value(), "the checks \"" + key.value() + "\" fails",
          "list the ids of the checks it fails, like [office-ssh, lan-browses]")) {
        if (!ids.isEmpty() && !ids.contains(check.value())) {
          file.error(check.position(), "no check \"" + check.value() + "\" in this exercise",
              Suggest.closest(check.value(), ids).map(w -> "did you mean " + w + "?")
                  .orElse("the checks are " + String.join(", ", ids)));
        } else {
          fails.add(check.value());
        }
      }
      Optional<String> path = Content.resolve(base, key.value())
          .filter(p -> p.startsWith(base))
          .map(p -> p.substring(base.length()));
      if (path.isEmpty()) {
        file.error(key.position(), "\"" + key.value() + "\" is not a file in the exercise's"
            + " folder", "name it relative to the folder, like wrong/drop-first.rules");
        continue;
      }
      rules(path.get(), Optional.of(new CatalogReader.Reference(key.position(),
          file.line(key.position().line()), "write its path relative to the exercise's folder")))
          .ifPresent(rules -> wrong.add(new WrongRuleset(rules,
              ids.stream().filter(fails::contains).toList(), key.position())));
    }
    return wrong;
  }
}
