package org.packetpath.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.packetpath.lab.cli.RulesCommandTest.Run;

/** The top-level command: which commands it builds for a command line. */
class LabCliTest {
  private static final List<Class<?>> ALL = LabCli.commandsFor();

  @Test
  void aCommandLineNamingACommandBuildsOnlyTheCommandsItNames() {
    assertEquals(List.of(RulesCommand.class), LabCli.commandsFor("rules", "fmt", "a.rules"));
    assertEquals(List.of(CheckCommand.class, RulesCommand.class),
        LabCli.commandsFor("rules", "check", "a.rules"), "every command named is built");
    assertEquals(List.of(ListCommand.class), LabCli.commandsFor("--workspace", "w", "list"));
    assertEquals(List.of(ListCommand.class), LabCli.commandsFor("--workspace=w", "list"));
  }

  @Test
  void helpGuidedModeAndUnknownWordsBuildEveryCommand() {
    assertEquals(13, ALL.size(), "the twelve commands and help");
    assertEquals(ALL, LabCli.commandsFor("--help"));
    assertEquals(ALL, LabCli.commandsFor("help", "list"));
    assertEquals(ALL, LabCli.commandsFor("lsit"));
    assertEquals(ALL, LabCli.commandsFor("--workspace", "w"));
  }

  @Test
  void topLevelHelpListsEveryCommand() {
    String help = RulesCommandTest.run("--help").out();
    for (String command : List.of("list", "start", "check", "hint", "reset", "solution",
        "progress", "trace", "shell", "rules", "exercises", "verify", "help")) {
      assertTrue(help.contains("\n  " + command + " "), command + " in\n" + help);
    }
  }
}
