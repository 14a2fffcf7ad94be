package org.packetpath.lab.repl;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.packetpath.lab.Exercise;

/** What the shell prints when it starts and on {@code help()}: the exercise and the helpers. */
final class Banner {
  private Banner() {}

  private record Helper(String call, String what) {}

  /** The text, ending with a blank line; {@code file} is the learner's rules file, if any. */
  static String text(Exercise exercise, Optional<Path> file) {
    List<Helper> helpers = List.of(
        new Helper("send(\"" + examplePacket(exercise) + "\")",
            "send a packet through fw and see its way"),
        new Helper("rules()", "the rules, as iptables-save prints them"),
        new Helper("append(\"INPUT\", \"-p tcp --dport 80 -j DROP\")",
            "try a rule: append it to filter INPUT"),
        new Helper("append(\"nat\", \"POSTROUTING\", \"-o wan0 -j MASQUERADE\")",
            "or to a chain of another table"),
        new Helper("check()", "run the exercise's checks on these rules"),
        new Helper("reload()", "read your rules file again"),
        new Helper("help()", "this list"));
    int width = helpers.stream().mapToInt(h -> h.call().length()).max().orElse(0);
    StringBuilder out = new StringBuilder();
    out.append("PacketPath shell: exercise ").append(exercise.number()).append(", ")
        .append(exercise.title()).append('\n');
    out.append("fw is the firewall with ").append(file.map(f -> "your rules from " + f)
        .orElse("the exercise's starting rules (you have no rules file yet)")).append(".\n\n");
    for (Helper h : helpers) {
      out.append("  ").append(h.call()).append(" ".repeat(width - h.call().length() + 3))
          .append(h.what()).append('\n');
    }
    out.append('\n');
    out.append("Rules appended here live in memory only: your rules file does not change.\n");
    out.append("fw.send(...) returns a trace without printing it. Leave with /exit.\n\n");
    return out.toString();
  }

  /** The first packet of the exercise's first check: names that exist in its topology. */
  static String examplePacket(Exercise exercise) {
    return exercise.checks().isEmpty() ? "tcp office:40000 > fw:22 in wan0"
        : exercise.checks().get(0).packets().get(0).text();
  }
}
