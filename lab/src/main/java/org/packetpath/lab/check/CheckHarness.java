package org.packetpath.lab.check;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.packetpath.engine.input.Checks;

/**
 * Runs an exercise's checks through the JUnit Platform Launcher and {@link CheckEngine}, the
 * same way every other client of the harness does, and collects the results as data.
 *
 * <pre>{@code
 * CheckRun run = CheckHarness.run("misplaced-rules", RulesSpec.file(Path.of("my.rules")));
 * run.allPassed();
 * run.results();       // one CheckResult per check, in order
 * CheckText.render(run, Colour.PLAIN);
 * }</pre>
 *
 * <p>The launcher is configured with this engine alone, so no other engine on the class path
 * is loaded or asked to discover anything.
 */
public final class CheckHarness {
  private CheckHarness() {}

  /** Runs the checks of the built-in exercise {@code exercise} (id, folder or number). */
  public static CheckRun run(String exercise, RulesSpec rules) {
    return run(exercise, rules, Optional.empty());
  }

  /**
   * Runs the checks of {@code exercise} against {@code rules}; the exercise is read from {@code
   * content} (a folder holding {@code index.yaml}) when given, else from the built-in ones.
   */
  public static CheckRun run(String exercise, RulesSpec rules, Optional<Path> content) {
    Checks.nonNull("exercise", exercise, "rules", rules);
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectUniqueId(UniqueId.forEngine(CheckEngine.ID)))
        .filters(EngineFilter.includeEngines(CheckEngine.ID))
        .enableImplicitConfigurationParameters(false)
        .configurationParameter(CheckEngine.EXERCISE, exercise)
        .configurationParameter(CheckEngine.RULES, rules.text());
    content.ifPresent(c -> request.configurationParameter(CheckEngine.CONTENT, c.toString()));
    return execute(request.build());
  }

  private static CheckRun execute(LauncherDiscoveryRequest request) {
    Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
        .enableTestEngineAutoRegistration(false)
        .enableLauncherSessionListenerAutoRegistration(false)
        .enableLauncherDiscoveryListenerAutoRegistration(false)
        .enablePostDiscoveryFilterAutoRegistration(false)
        .enableTestExecutionListenerAutoRegistration(false)
        .addTestEngines(new CheckEngine())
        .build());
    ResultCollector collector = new ResultCollector();
    launcher.execute(request, collector);
    return collector.run();
  }
}
