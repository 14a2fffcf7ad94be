package org.packetpath.lab.repl;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * The execution engine of {@code ./packetpath shell}, {@code --execution packetpath}: jshell's local
 * engine (snippets run in the lab's own JVM, where the engine and the lab are loaded already),
 * with three changes for learners:
 *
 * <ul>
 *   <li>what a snippet prints goes to the shell's output streams, not to whatever {@code
 *       System.out} the JVM has (the local engine's default);
 *   <li>a {@link org.packetpath.engine.trace.Trace} a snippet returns is shown in one line,
 *       {@code $1 ==> Trace[tcp 192.0.2.66:40000 > 203.0.113.1:22 SYN in wan0: DROPPED]}: the
 *       helper has just drawn it in full;
 *   <li>a helper that has printed a diagnostic for a bad packet or rule ends the snippet
 *       quietly, without jshell's exception report and stack trace.
 * </ul>
 *
 * <p>Registered as a service in {@code META-INF/services}; jshell finds it through the thread's
 * context class loader, so only when the tool runs in a JVM with the lab on its class path.
 */
public final class LabExecutionProvider implements ExecutionControlProvider {
  /** The name {@code --execution} selects this engine by. */
  public static final String NAME = "packetpath";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
    return new LabExecutionControl(env.userOut(), env.userErr());
  }
}
