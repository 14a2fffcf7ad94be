/**
 * The PacketPath terminal lab: the command line, the exercises and their check harness, the
 * JShell REPL and the kernel lab. Only the REPL's helpers ({@code repl}, which a JShell user
 * imports statically) are exported; the command line is started through its main class, and the
 * check engine and the REPL's execution engine are found as services.
 */
module org.packetpath.lab {
  // The REPL's helpers hand out the engine's simulators and traces.
  requires transitive org.packetpath.engine;
  requires info.picocli;
  requires jdk.jshell;
  requires org.junit.platform.engine;
  requires org.junit.platform.launcher;
  requires org.opentest4j;
  requires tools.jackson.databind;

  exports org.packetpath.lab.repl;

  // picocli reads the @Command and @Option fields and methods reflectively.
  opens org.packetpath.lab.cli to info.picocli;
  // Jackson builds the agent protocol's records reflectively.
  opens org.packetpath.lab.kernel to tools.jackson.databind;

  // Also listed in META-INF/services, for the class path the launcher and the tests run on.
  provides org.junit.platform.engine.TestEngine with org.packetpath.lab.check.CheckEngine;
  provides jdk.jshell.spi.ExecutionControlProvider
      with org.packetpath.lab.repl.LabExecutionProvider;
}
