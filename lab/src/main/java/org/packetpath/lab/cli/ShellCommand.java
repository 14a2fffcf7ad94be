package org.packetpath.lab.cli;

import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.packetpath.lab.Exercise;
import org.packetpath.lab.progress.Workspace;
import org.packetpath.lab.repl.Shell;
import org.packetpath.lab.term.Colour;
import picocli.CommandLine.Command;

/** {@code ./packetpath shell [ID]}: jshell with the exercise's firewall and the lab's helpers. */
@Command(
    name = "shell",
    description = {
      "Explore an exercise's firewall in jshell: send packets, try rules, run the checks.",
      "",
      "fw is the firewall built from your rules file (work/FOLDER.rules beside the launcher,"
          + " or the exercise's starting rules when you have none yet). The helpers:",
      "  send(\"tcp office:40000 > fw:22 in wan0\")       rules()   check()",
      "  append(\"INPUT\", \"-p tcp --dport 80 -j DROP\")   reload()  help()",
      "Rules appended in the shell live in memory only: your rules file never changes."
    },
    exitCodeList = {"0:you left the shell (N with /exit N)",
        "2:bad input: no such exercise, or your rules file has errors"})
final class ShellCommand extends OneExerciseCommand.WithContent {
  @Override
  int run(Workbench bench, Exercise e) {
    Path folder = Workspace.locate(learner.folder());
    Shell shell = new Shell(e, content.dir, Shell.workingCopy(folder, e),
        learner.styles().colour() ? Colour.ANSI : Colour.PLAIN);
    return shell.run(input(), stream(learner.out()), stream(learner.err()));
  }

  /**
   * What the learner types. In a terminal, jshell edits lines itself on the terminal (history,
   * completion, Ctrl-C) and must be given {@code System.in} as it is; from a pipe or a file it
   * reads {@code System.in} like any other stream and echoes each line after the prompt, so
   * that the output reads as a transcript.
   */
  private static InputStream input() {
    return System.console() != null ? System.in : new FilterInputStream(System.in) {};
  }

  /** A stream writing to {@code writer}, for jshell, which writes to streams. */
  private static PrintStream stream(PrintWriter writer) {
    return new PrintStream(new WriterStream(writer), true, StandardCharsets.UTF_8);
  }

  /** UTF-8 bytes decoded onto a writer; a character split across writes is kept whole. */
  private static final class WriterStream extends OutputStream {
    private final PrintWriter writer;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);

    WriterStream(PrintWriter writer) {
      this.writer = writer;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      int at = offset;
      int end = offset + length;
      while (at < end) {
        int n = Math.min(pending.remaining(), end - at);
        pending.put(bytes, at, n);
        at += n;
        decode();
      }
    }

    private void decode() {
      pending.flip();
      while (true) {
        boolean full = decoder.decode(pending, chars, false).isOverflow();
        chars.flip();
        writer.append(chars);
        chars.clear();
        if (!full) {
          break;
        }
      }
      pending.compact();
    }

    @Override
    public synchronized void flush() {
      writer.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }
}
