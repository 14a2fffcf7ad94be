package org.packetpath.lab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The check engine as any JUnit Platform client sees it (an IDE, the console launcher, a
 * grader): the test tree, its names, tags and sources, and what it runs.
 */
class CheckEngineTest {
  private static final UniqueId ENGINE = UniqueId.forEngine(CheckEngine.ID);

  private static LauncherDiscoveryRequest request(Map<String, String> config,
      DiscoverySelector selector) {
    return LauncherDiscoveryRequestBuilder.request()
        .selectors(selector)
        .filters(EngineFilter.includeEngines(CheckEngine.ID))
        .enableImplicitConfigurationParameters(false)
        .configurationParameters(config)
        .build();
  }

  private static final Map<String, String> SOLUTION = Map.of(CheckEngine.EXERCISE, "1",
      CheckEngine.RULES, "exercise:solution.rules");

  @Test
  void eachCheckIsATestNamedByItsGoalWithPointsAndSource() {
    Launcher launcher = LauncherFactory.create();
    TestPlan plan = launcher.discover(request(SOLUTION, DiscoverySelectors.selectUniqueId(ENGINE)));
    TestIdentifier exercise = plan.getChildren(ENGINE).iterator().next();
    assertEquals("[engine:packetpath-checks]/[exercise:misplaced-rules]", exercise.getUniqueId());
    assertEquals("Exercise 1: The misplaced rules", exercise.getDisplayName());
    List<TestIdentifier> checks = new ArrayList<>(plan.getChildren(exercise));
    assertEquals(9, checks.size());
    TestIdentifier first = checks.get(0);
    assertEquals("[engine:packetpath-checks]/[exercise:misplaced-rules]/[check:internet-no-https]",
        first.getUniqueId());
    assertEquals("The internet cannot reach the monitoring web UI over https",
        first.getDisplayName());
    assertTrue(first.isTest());
    assertEquals(List.of("exercise=misplaced-rules", "points=3"),
        first.getTags().stream().map(t -> t.getName()).sorted().toList());
    ClasspathResourceSource source = (ClasspathResourceSource) first.getSource().orElseThrow();
    assertEquals("org/packetpath/content/exercises/01-misplaced-rules/exercise.yaml",
        source.getClasspathResourceName());
    assertEquals(11, source.getPosition().orElseThrow().getLine());
  }

  @Test
  void withoutAnExerciseItFindsNothing() {
    TestPlan plan = LauncherFactory.create().discover(request(Map.of(),
        DiscoverySelectors.selectUniqueId(ENGINE)));
    assertFalse(plan.containsTests());
  }

  @Test
  void aSingleCheckCanBeSelected() {
    UniqueId check = ENGINE.append("exercise", "misplaced-rules").append("check", "office-ssh");
    List<String> finished = new ArrayList<>();
    LauncherFactory.create().execute(request(SOLUTION, DiscoverySelectors.selectUniqueId(check)),
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
              finished.add(id.getDisplayName() + ": " + result.getStatus());
            }
          }
        });
    assertEquals(List.of("The managing company's office can still log in with ssh: SUCCESSFUL"),
        finished);
  }

  @Test
  void missingRulesFailVisiblyInsteadOfPassingEmpty() {
    List<String> failures = new ArrayList<>();
    LauncherFactory.create().execute(request(Map.of(CheckEngine.EXERCISE, "1"),
        DiscoverySelectors.selectUniqueId(ENGINE)), new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            result.getThrowable().ifPresent(t -> failures.add(t.getMessage()));
          }
        });
    assertEquals(List.of("""
        no rules to check:
        packetpath.rules: error: no rules file to check
          pass it with -Dpacketpath.rules=FILE"""), failures);
  }
}
