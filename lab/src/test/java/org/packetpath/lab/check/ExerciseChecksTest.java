package org.packetpath.lab.check;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.lab.term.Colour;

/**
 * The plain-Maven way to check a ruleset, for learners who prefer it to {@code ./packetpath check}:
 *
 * <pre>
 * mvn -q test -pl :lab -Dpacketpath.exercise=misplaced-rules -Dpacketpath.rules=my.rules
 * </pre>
 *
 * <p>It runs only when {@code packetpath.exercise} is set (the lab POM then runs this
 * class alone), through {@link CheckHarness} like every other client, and reports each check
 * as a test named by its goal, failing with the same explanation {@code ./packetpath check} prints.
 * Surefire counts only tests under a class, which is why this Jupiter class wraps the harness
 * here rather than Surefire running {@link CheckEngine} directly.
 */
@EnabledIfSystemProperty(named = CheckEngine.EXERCISE, matches = ".+")
class ExerciseChecksTest {
  @TestFactory
  List<DynamicTest> checks() {
    String exercise = System.getProperty(CheckEngine.EXERCISE);
    String rules = System.getProperty(CheckEngine.RULES, "");
    Optional<Path> content = Optional.ofNullable(System.getProperty(CheckEngine.CONTENT))
        .filter(s -> !s.isBlank()).map(Path::of);
    if (rules.isBlank()) {
      return List.of(DynamicTest.dynamicTest("the rules to check", () ->
          fail("pass the rules file to check with -D" + CheckEngine.RULES + "=FILE")));
    }
    CheckRun run = CheckHarness.run(exercise, RulesSpec.parse(rules), content);
    List<DynamicTest> tests = new ArrayList<>();
    if (!run.problems().isEmpty()) {
      String problems = String.join("\n",
          run.problems().stream().map(Diagnostic::render).toList());
      tests.add(DynamicTest.dynamicTest("the checks can run", () -> fail(problems)));
    }
    for (CheckResult result : run.results()) {
      tests.add(DynamicTest.dynamicTest(result.goal(), () -> {
        if (!result.passed()) {
          fail(result.goal() + "\n" + CheckText.explanation(result, Colour.PLAIN));
        }
      }));
    }
    return tests;
  }
}
