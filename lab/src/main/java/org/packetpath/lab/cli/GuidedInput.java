package org.packetpath.lab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * What guided mode waits for, in one queue: the keys or lines the learner types, read on a
 * thread of their own, and the working copy's changes, posted by its {@link FileWatcher}. Also
 * the two questions guided mode asks, a line of text and yes or no, with the line edited as it
 * is typed in single-key mode.
 *
 * <p>In single-key mode ({@link TerminalMode}) every byte is a key and an escape sequence such
 * as an arrow key's is skipped; otherwise each line is an event, so that guided mode also works
 * through a pipe.
 */
final class GuidedInput {
  static final int CTRL_C = 3;
  static final int CTRL_D = 4;
  private static final int BACKSPACE = 8;
  private static final int ESCAPE = 27;
  private static final int CTRL_U = 21;
  private static final int DELETE = 127;

  /** What guided mode waits for. */
  sealed interface Event permits Key, Line, End, Changed {}

  /** A key pressed, in single-key mode. */
  record Key(int code) implements Event {}

  /** A line typed, in line mode. */
  record Line(String text) implements Event {}

  /** The input ended. */
  record End() implements Event {}

  /** The working copy changed. */
  record Changed(Path file) implements Event {}

  private final InputStream in;
  private final boolean keys;
  private final PrintWriter out;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private boolean ended;

  private GuidedInput(InputStream in, boolean keys, PrintWriter out) {
    this.in = in;
    this.keys = keys;
    this.out = out;
  }

  /**
   * Starts reading {@code in}: single keys when {@code keys}, else lines; {@code out} is where
   * the answers to questions are echoed.
   */
  static GuidedInput start(InputStream in, boolean keys, PrintWriter out) {
    GuidedInput input = new GuidedInput(in, keys, out);
    Thread reader = new Thread(keys ? input::readKeys : input::readLines, "lab-input");
    reader.setDaemon(true);
    reader.start();
    return input;
  }

  /** Whether keys arrive one by one (a terminal in single-key mode), else lines. */
  boolean keys() {
    return keys;
  }

  /** Whether the input ended while a question was asked: guided mode then ends too. */
  boolean ended() {
    return ended;
  }

  /** Tells guided mode that {@code file} changed; from any thread. */
  void changed(Path file) {
    events.add(new Changed(file));
  }

  /** The next event, waiting for it; {@link End} when interrupted. */
  Event take() {
    try {
      return events.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new End();
    }
  }

  // ---- reading -------------------------------------------------------------------------------

  private void readKeys() {
    try {
      int b;
      while ((b = in.read()) >= 0) {
        if (b == ESCAPE && in.available() > 0) {
          int next = in.read();
          if (next == '[' || next == 'O') {
            skipSequence();
            continue;
          }
          events.add(new Key(ESCAPE));
          b = next;
        }
        if (b >= 0) {
          events.add(new Key(b));
        }
      }
    } catch (IOException e) {
      // The terminal went away: as if the input ended.
    }
    events.add(new End());
  }

  /** Skips the rest of an escape sequence, such as an arrow key's. */
  private void skipSequence() throws IOException {
    int c;
    do {
      c = in.read();
    } while (c >= 0 && (c < 0x40 || c > 0x7e));
  }

  private void readLines() {
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in,
          StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        events.add(new Line(line));
      }
    } catch (IOException e) {
      // As if the input ended.
    }
    events.add(new End());
  }

  // ---- asking --------------------------------------------------------------------------------

  /** Asks a yes-or-no question; yes only for y. */
  boolean confirm(String question) {
    if (!keys) {
      return ask(question + " [y/N] ").map(ResetCommand::isYes).orElse(false);
    }
    out.print(question + " [y/N] ");
    out.flush();
    try (Answer answer = new Answer()) {
      Optional<Event> typed = answer.next();
      while (typed.isPresent() && !(typed.get() instanceof Key)) {
        typed = answer.next();
      }
      if (typed.isEmpty()) {
        return false;
      }
      int code = ((Key) typed.get()).code();
      boolean yes = code == 'y' || code == 'Y';
      out.println(yes ? "y" : "n");
      return yes;
    }
  }

  /** Asks for a line of text; empty when the learner cancels (Esc) or the input ends. */
  Optional<String> ask(String prompt) {
    out.print(prompt);
    out.flush();
    StringBuilder typed = new StringBuilder();
    try (Answer answer = new Answer()) {
      while (true) {
        Optional<Event> e = answer.next();
        if (e.isEmpty()) {
          return Optional.empty();
        }
        if (e.get() instanceof Line line) {
          return Optional.of(line.text());
        }
        int c = ((Key) e.get()).code();
        if (c == '\r' || c == '\n') {
          out.println();
          return Optional.of(typed.toString());
        } else if (c == ESCAPE || c == CTRL_C) {
          out.println();
          return Optional.empty();
        } else if (c == DELETE || c == BACKSPACE) {
          if (typed.length() > 0) {
            typed.setLength(typed.length() - 1);
            out.print("\b \b");
          }
        } else if (c == CTRL_U) {
          out.print("\b \b".repeat(typed.length()));
          typed.setLength(0);
        } else if (c >= ' ' && c < DELETE) {
          typed.append((char) c);
          out.print((char) c);
        }
        out.flush();
      }
    }
  }

  /**
   * The learner's answer to one question, key by key or a line: the working copy's changes
   * that come meanwhile wait, and are handled once the question is answered.
   */
  private final class Answer implements AutoCloseable {
    private final List<Event> later = new ArrayList<>();

    /** The next key or line typed; empty when the input ended. */
    Optional<Event> next() {
      while (true) {
        Event e = take();
        if (e instanceof End) {
          ended = true;
          return Optional.empty();
        }
        if (e instanceof Key || e instanceof Line) {
          return Optional.of(e);
        }
        later.add(e);
      }
    }

    @Override
    public void close() {
      events.addAll(later);
    }
  }
}
