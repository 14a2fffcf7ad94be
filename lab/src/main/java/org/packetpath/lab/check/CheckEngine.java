package org.packetpath.lab.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.packetpath.engine.input.Diagnostic;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.input.SourcePosition;
import org.packetpath.lab.Check;
import org.packetpath.lab.Content;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.ExerciseCatalog;

/**
 * The JUnit Platform test engine that runs an exercise's checks: one test container per
 * exercise ({@code [engine:packetpath-checks]/[exercise:misplaced-rules]}), one test per check
 * ({@code .../[check:office-ssh]}), named by the check's goal, tagged {@code points=N} and
 * {@code exercise=ID}, with the check's line in its exercise file as the test source.
 *
 * <p>It is configured only by configuration parameters, so that every JUnit Platform client
 * can run it the same way: {@link CheckHarness} (the terminal lab and graders) passes them with
 * the request, Maven as system properties ({@code mvn test -Dpacketpath.exercise=1
 * -Dpacketpath.rules=my.rules}). Without {@value #EXERCISE} it discovers nothing.
 *
 * <ul>
 *   <li>{@value #EXERCISE}: the exercise, by id, folder name or number;
 *   <li>{@value #RULES}: the ruleset, as {@link RulesSpec} reads it (usually a file's path);
 *   <li>{@value #CONTENT}: optionally, a folder of exercises to read instead of the built-in
 *       ones (the folder that holds {@code index.yaml}).
 * </ul>
 */
public final class CheckEngine implements TestEngine {
  /** The engine's id. */
  public static final String ID = "packetpath-checks";
  /** The configuration parameter naming the exercise. */
  public static final String EXERCISE = "packetpath.exercise";
  /** The configuration parameter giving the ruleset to check. */
  public static final String RULES = "packetpath.rules";
  /** The configuration parameter giving a folder of exercises. */
  public static final String CONTENT = "packetpath.content";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Optional<String> getGroupId() {
    return Optional.of("org.packetpath");
  }

  @Override
  public Optional<String> getArtifactId() {
    return Optional.of("lab");
  }

  @Override
  public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
    EngineDescriptor engine = new EngineDescriptor(uniqueId, "PacketPath checks");
    ConfigurationParameters config = request.getConfigurationParameters();
    Optional<String> name = config.get(EXERCISE).map(String::strip).filter(s -> !s.isEmpty());
    if (name.isEmpty() || !selected(request, uniqueId)) {
      return engine;
    }
    Optional<String> rules = config.get(RULES).map(String::strip).filter(s -> !s.isEmpty());
    if (rules.isEmpty()) {
      engine.addChild(new ProblemDescriptor(uniqueId, "no rules to check", problem(RULES,
          "no rules file to check", "pass it with -D" + RULES + "=FILE")));
      return engine;
    }
    Content content = config.get(CONTENT).map(String::strip).filter(s -> !s.isEmpty())
        .map(Path::of).map(Content::directory).orElse(Content.classpath());
    Parsed<ExerciseCatalog> catalog = ExerciseCatalog.read(content);
    if (catalog.hasErrors()) {
      engine.addChild(new ProblemDescriptor(uniqueId, "the exercises have errors",
          catalog.errors()));
      return engine;
    }
    ExerciseCatalog exercises = catalog.value().orElseThrow();
    Optional<Exercise> exercise = exercises.find(name.get());
    if (exercise.isEmpty()) {
      engine.addChild(new ProblemDescriptor(uniqueId, "no exercise " + name.get(), problem(
          EXERCISE, "no exercise \"" + name.get() + "\"", "the exercises are "
              + String.join(", ", exercises.ids()) + ", or their numbers")));
      return engine;
    }
    RulesSpec spec;
    try {
      spec = RulesSpec.parse(rules.get());
    } catch (IllegalArgumentException e) {
      engine.addChild(new ProblemDescriptor(uniqueId, "bad rules", problem(RULES, e.getMessage(),
          "")));
      return engine;
    }
    ExerciseDescriptor container = new ExerciseDescriptor(uniqueId, exercise.get(), content,
        spec);
    for (Check check : exercise.get().checks()) {
      CheckDescriptor test = new CheckDescriptor(container, exercise.get(), check, content);
      if (wanted(request, test.getUniqueId(), uniqueId)) {
        container.addChild(test);
      }
    }
    engine.addChild(container);
    return engine;
  }

  private static List<Diagnostic> problem(String parameter, String message, String hint) {
    Diagnostic d = Diagnostic.error(new SourcePosition(parameter, 0, 0), "", message);
    return List.of(hint.isEmpty() ? d : d.explained(hint));
  }

  /** Whether the request asks for this engine: anything but only other engines' ids. */
  private static boolean selected(EngineDiscoveryRequest request, UniqueId engine) {
    List<DiscoverySelector> all = request.getSelectorsByType(DiscoverySelector.class);
    List<UniqueIdSelector> ids = request.getSelectorsByType(UniqueIdSelector.class);
    return all.isEmpty() || ids.size() < all.size()
        || ids.stream().anyMatch(s -> s.getUniqueId().hasPrefix(engine));
  }

  /** Whether {@code check} is asked for: no selector of this engine names a single check. */
  private static boolean wanted(EngineDiscoveryRequest request, UniqueId check, UniqueId engine) {
    List<UniqueId> checks = request.getSelectorsByType(UniqueIdSelector.class).stream()
        .map(UniqueIdSelector::getUniqueId)
        .filter(id -> id.hasPrefix(engine) && id.getSegments().size() > 2)
        .toList();
    return checks.isEmpty() || checks.stream().anyMatch(id -> check.hasPrefix(id));
  }

  @Override
  public void execute(ExecutionRequest request) {
    EngineExecutionListener listener = request.getEngineExecutionListener();
    TestDescriptor root = request.getRootTestDescriptor();
    listener.executionStarted(root);
    for (TestDescriptor child : root.getChildren()) {
      if (child instanceof ExerciseDescriptor exercise) {
        exercise.execute(listener);
      } else if (child instanceof ProblemDescriptor problem) {
        problem.execute(listener);
      }
    }
    listener.executionFinished(root, TestExecutionResult.successful());
  }
}
