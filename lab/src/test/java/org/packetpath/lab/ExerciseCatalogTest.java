package org.packetpath.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.topology.TopologyParser;
import org.packetpath.engine.trace.Disposition;

/** Reading exercises: the built-in ones, and every kind of mistake an author can make. */
class ExerciseCatalogTest {
  @TempDir Path dir;

  @Test
  void builtInExercisesLoadInTheIndexOrder() {
    ExerciseCatalog catalog = ExerciseCatalog.builtIn();
    assertEquals(List.of("misplaced-rules", "dont-lock-yourself-out", "stop-the-bot"),
        catalog.ids());
    Exercise first = catalog.exercises().get(0);
    assertEquals(1, first.number());
    assertEquals("01-misplaced-rules", first.folder());
    assertEquals("The misplaced rules", first.title());
    assertTrue(first.instructions().startsWith("# The misplaced rules\n"));
    assertTrue(first.hints().size() >= 3, "a ladder of hints");
    assertTrue(first.topology().resolve("mirror").isPresent(), "the story's topology");
    assertEquals(catalog.exercises().get(2), catalog.find("3").orElseThrow());
    assertEquals(first, catalog.find("01-misplaced-rules").orElseThrow());
    assertEquals(first, catalog.find("misplaced-rules").orElseThrow());
    assertTrue(catalog.find("4").isEmpty());
  }

  @Test
  void checksReadTheirPacketsAndExpectations() {
    Exercise bot = ExerciseCatalog.builtIn().find("stop-the-bot").orElseThrow();
    Check check = bot.check("lan-browses").orElseThrow();
    assertEquals("tcp 10.0.0.2:40500 > 192.0.2.10:443 SYN in lan0",
        check.last().spec().toString());
    assertEquals(Outcome.FORWARDED, check.expect().outcome());
    assertEquals("tcp 203.0.113.1:40500 > 192.0.2.10:443 SYN",
        check.expect().finalHeader().orElseThrow().toString());
    Check irc = bot.check("fw-no-irc").orElseThrow();
    assertEquals("filter OUTPUT", irc.expect().where().orElseThrow().toString());
    assertTrue(irc.expect().outcome().matches(Disposition.REJECTED));
    assertTrue(irc.last().spec().isLocal());
    assertEquals(3, irc.points());
  }

  @Test
  void aWellFormedFolderLoads() {
    Parsed<ExerciseCatalog> result =
        ExerciseCatalog.read(Content.directory(ContentFixture.write(dir).root()));
    assertEquals(List.of(), result.diagnostics());
    Exercise e = result.orThrow().exercises().get(0);
    assertEquals(List.of("attacker-no-ssh"), e.wrong().get(0).fails());
    assertEquals(1, e.check("attacker-no-ssh").orElseThrow().points(), "points default to 1");
  }

  private List<String> errors(ContentFixture fixture) {
    Parsed<ExerciseCatalog> result = ExerciseCatalog.read(Content.directory(fixture.root()));
    assertTrue(result.value().isEmpty(), "no catalog when a file has an error");
    String prefix = dir.toString() + "/";
    return result.errors().stream().map(Diagnostic::render)
        .map(s -> s.replace(prefix, "")).toList();
  }

  @Test
  void aMissingIndexIsReported() {
    ContentFixture fixture = ContentFixture.write(dir);
    fixture.delete("index.yaml");
    assertEquals(List.of("index.yaml: error: no such file"), errors(fixture));
  }

  @Test
  void aFolderWithoutExerciseFileIsReportedAtTheIndexLine() {
    ContentFixture fixture = ContentFixture.write(dir)
        .edit("index.yaml", "  - 01-first\n", "  - 01-first\n  - 02-missing\n");
    assertEquals(List.of("""
        index.yaml:3:5: error: no such file: 02-missing/exercise.yaml
            - 02-missing
              ^
          every exercise folder holds an exercise.yaml"""), errors(fixture));
  }

  @Test
  void yamlSyntaxErrorsAreLocated() {
    ContentFixture fixture = ContentFixture.write(dir)
        .edit("01-first/exercise.yaml", "title: First steps", "title: [First steps");
    List<String> errors = errors(fixture);
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("01-first/exercise.yaml:2:"), errors.get(0));
  }

  @Test
  void misspeltKeysAndWordsGetSuggestions() {
    ContentFixture fixture = ContentFixture.write(dir)
        .edit("01-first/exercise.yaml", "title:", "titel:")
        .edit("01-first/exercise.yaml", "disposition: blocked", "disposition: blokced")
        .edit("01-first/exercise.yaml", "where: filter INPUT", "where: filtr INPUT");
    assertEquals(List.of("""
        01-first/exercise.yaml:1:1: error: missing key "title"
          id: first
          ^
          give the exercise a title, like title: The misplaced rules""", """
        01-first/exercise.yaml:2:1: error: unknown key "titel"
          titel: First steps
          ^
          did you mean title?""", """
        01-first/exercise.yaml:15:20: error: unknown outcome "blokced"
                disposition: blokced
                             ^
          did you mean blocked?""", """
        01-first/exercise.yaml:16:14: error: unknown table "filtr"
                where: filtr INPUT
                       ^
          did you mean filter?"""), errors(fixture));
  }

  @Test
  void packetMistakesPointAtTheWord() {
    ContentFixture fixture = ContentFixture.write(dir)
        .edit("01-first/exercise.yaml", "tcp office:40000 > fw:22 in wan0",
            "tcp ofice:40000 > fw:22 in wan0")
        .edit("01-first/exercise.yaml", "tcp attacker:40000 > fw:22 in wan0",
            "tcp attacker:40000 > fw:22 in eth9");
    assertEquals(List.of("""
        01-first/exercise.yaml:8:17: error: unknown host `ofice'
              packet: tcp ofice:40000 > fw:22 in wan0
                          ^
          use an IPv4 address or a name from the topology""", """
        01-first/exercise.yaml:13:43: error: the firewall has no interface eth9
              packet: tcp attacker:40000 > fw:22 in eth9
                                                    ^
          its interfaces are lo, wan0, lan0"""), errors(fixture));
  }

  @Test
  void checksNeedAGoalAPacketAndUniqueIds() {
    ContentFixture fixture = ContentFixture.write(dir)
        .edit("01-first/exercise.yaml", "  - id: attacker-no-ssh\n    goal: The attacker cannot\n",
            "  - id: office-ssh\n")
        .edit("01-first/exercise.yaml", "    points: 2\n", "    points: lots\n")
        .edit("01-first/exercise.yaml", "[attacker-no-ssh]", "[office-ssh]");
    assertEquals(List.of("""
        01-first/exercise.yaml:7:13: error: invalid points "lots"
              points: lots
                      ^
          points are a whole number from 1 to 100""", """
        01-first/exercise.yaml:11:5: error: missing key "goal"
            - id: office-ssh
              ^
          say what the check proves, in the learner's words, like goal: The office can still\
         log in with ssh""", """
        01-first/exercise.yaml:11:9: error: check id "office-ssh" is already used on line 5
            - id: office-ssh
                  ^
          every check of an exercise needs an id of its own"""), errors(fixture));
  }

  @Test
  void wrongRulesetsMustNameRealChecksAndFiles() {
    ContentFixture fixture = ContentFixture.write(dir)
        .edit("01-first/exercise.yaml", "wrong/open.rules: [attacker-no-ssh]",
            "wrong/open.rules: [attacker-no-sh]\n  wrong/gone.rules: []");
    assertEquals(List.of("""
        01-first/exercise.yaml:20:22: error: no check "attacker-no-sh" in this exercise
            wrong/open.rules: [attacker-no-sh]
                               ^
          did you mean attacker-no-ssh?""", """
        01-first/exercise.yaml:21:3: error: no such file: 01-first/wrong/gone.rules
            wrong/gone.rules: []
            ^
          write its path relative to the exercise's folder"""), errors(fixture));
  }

  @Test
  void rulesFilesAreCheckedWithTheirOwnPositions() {
    ContentFixture fixture = ContentFixture.write(dir)
        .edit("01-first/solution.rules", "--dport 22 -j DROP", "--dprot 22 -j DROP");
    List<String> errors = errors(fixture);
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith(
        "01-first/solution.rules:4:17: error: unknown option \"--dprot\""), errors.get(0));
  }

  @Test
  void theInstructionsAndRulesFilesMustExist() {
    ContentFixture fixture = ContentFixture.write(dir);
    fixture.delete("01-first/README.md");
    fixture.delete("01-first/start.rules");
    assertEquals(List.of("01-first/README.md: error: no such file",
        "01-first/start.rules: error: no such file"), errors(fixture));
  }

  @Test
  void aFileThatIsNotTextIsReported() throws IOException {
    ContentFixture fixture = ContentFixture.write(dir);
    Files.write(dir.resolve("01-first/README.md"), new byte[] {(byte) 0xff, 0x41});
    assertEquals(List.of("01-first/README.md: error: not a text file (invalid UTF-8)"),
        errors(fixture));
  }

  @Test
  void topologiesMayBeSharedFilesAndAreCheckedToo() {
    ContentFixture fixture = ContentFixture.write(dir)
        .edit("01-first/exercise.yaml", "topology: example", "topology: ../world.yaml");
    assertEquals(List.of("""
        01-first/exercise.yaml:3:11: error: no such file: world.yaml
          topology: ../world.yaml
                    ^
          name "example" or a topology file, relative to this exercise's folder"""),
        errors(fixture));
    fixture.file("world.yaml", "firewall: fw\ninterfaces: []\n");
    List<String> errors = errors(fixture);
    assertTrue(errors.get(0).startsWith("world.yaml:2:13: error: no interfaces"), errors.get(0));
    assertFalse(errors.isEmpty());
  }

  /** Two exercises on the topology {@code story}, which is written to story.yaml. */
  private ContentFixture sharingStory(String story) {
    return ContentFixture.write(dir)
        .edit("01-first/exercise.yaml", "topology: example", "topology: ../story.yaml")
        .edit("index.yaml", "  - 01-first\n", "  - 01-first\n  - 02-again\n")
        .file("02-again/exercise.yaml", ContentFixture.EXERCISE
            .replace("id: first", "id: again").replace("topology: example",
                "topology: ../story.yaml"))
        .file("02-again/README.md", "# Again\n")
        .file("02-again/start.rules", ContentFixture.OPEN)
        .file("02-again/solution.rules", ContentFixture.SOLUTION)
        .file("02-again/wrong/open.rules", ContentFixture.OPEN)
        .file("story.yaml", story);
  }

  @Test
  void aSharedTopologyLoadsForEveryExercise() {
    Parsed<ExerciseCatalog> result = ExerciseCatalog.read(Content.directory(
        sharingStory(TopologyParser.exampleText()).root()));
    assertEquals(List.of(), result.diagnostics());
    assertEquals(List.of("first", "again"), result.orThrow().ids());
  }

  @Test
  void aTabInASharedTopologyIsReportedOnceAtItsPlace() {
    assertEquals(List.of("""
        story.yaml:2:1: error: tab character in indentation
           interfaces: []
          ^
          YAML indents with spaces only; replace the tab with spaces"""),
        errors(sharingStory("firewall: fw\n\tinterfaces: []\n")));
  }

  @Test
  void anEmptySharedTopologyIsReportedOnceAtItsStart() {
    assertEquals(List.of("""
        story.yaml:1:1: error: the topology is empty
          a topology needs at least firewall: and interfaces:, see the example"""),
        errors(sharingStory("")));
    assertEquals(List.of("""
        story.yaml:1:1: error: the topology is empty
          # nothing yet
          ^
          a topology needs at least firewall: and interfaces:, see the example"""),
        errors(sharingStory("# nothing yet\n")));
  }

  @Test
  void exerciseIdsAreUniqueAcrossExercises() {
    ContentFixture fixture = ContentFixture.write(dir)
        .edit("index.yaml", "  - 01-first\n", "  - 01-first\n  - 02-again\n")
        .file("02-again/exercise.yaml", ContentFixture.EXERCISE)
        .file("02-again/README.md", "# Again\n")
        .file("02-again/start.rules", ContentFixture.OPEN)
        .file("02-again/solution.rules", ContentFixture.SOLUTION)
        .file("02-again/wrong/open.rules", ContentFixture.OPEN);
    String prefix = dir + "/";
    assertEquals(List.of("""
        02-again/exercise.yaml:1:5: error: exercise id "first" is already used by\
         01-first/exercise.yaml
          id: first
              ^
          every exercise needs an id of its own"""),
        errors(fixture).stream().map(s -> s.replace(prefix, "")).toList());
  }
}
