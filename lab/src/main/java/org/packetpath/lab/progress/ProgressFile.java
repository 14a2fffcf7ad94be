package org.packetpath.lab.progress;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The progress file's text: one fact per line, plain enough to read and to mend by hand.
 *
 * <pre>
 * # PacketPath progress, written by ./packetpath. Delete this file to start over.
 * format 1
 * current dont-lock-yourself-out
 * done misplaced-rules hints 2
 * started dont-lock-yourself-out hints 0
 * </pre>
 *
 * <p>{@code format 1} comes first; then at most one {@code current} line, and a {@code done} or
 * {@code started} line per exercise started, in the order they were started. Empty lines and
 * lines starting with {@code #} are ignored. Anything else makes the file damaged: {@link
 * #read} says where.
 */
public final class ProgressFile {
  /** The version of the format this class writes. */
  public static final int FORMAT = 1;

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern EXERCISE = Pattern.compile(
      "(done|started) (" + ID.pattern() + ") hints (\\d{1,4})");

  private ProgressFile() {}

  /** Thrown when the text is not a progress file; the message says where and why. */
  public static final class DamagedException extends Exception {
    private static final long serialVersionUID = 1L;

    DamagedException(String message) {
      super(message);
    }
  }

  /** The text of {@code progress}. */
  public static String write(Progress progress) {
    StringBuilder out = new StringBuilder();
    out.append("# PacketPath progress, written by ./packetpath. Delete this file to start over.\n");
    out.append("format ").append(FORMAT).append('\n');
    progress.current().ifPresent(id -> out.append("current ").append(id).append('\n'));
    progress.exercises().forEach((id, state) -> out.append(state.done() ? "done " : "started ")
        .append(id).append(" hints ").append(state.hints()).append('\n'));
    return out.toString();
  }

  /** Reads a progress file's text. */
  public static Progress read(String text) throws DamagedException {
    String[] lines = text.split("\n", -1);
    boolean format = false;
    Optional<String> current = Optional.empty();
    Map<String, ExerciseProgress> exercises = new LinkedHashMap<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      int number = i + 1;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!format) {
        if (!line.equals("format " + FORMAT)) {
          throw damaged(number, "expected \"format " + FORMAT + "\" first");
        }
        format = true;
        continue;
      }
      if (line.startsWith("current ")) {
        String id = line.substring("current ".length());
        if (current.isPresent() || !ID.matcher(id).matches()) {
          throw damaged(number, "a second or malformed \"current\" line");
        }
        current = Optional.of(id);
        continue;
      }
      Matcher m = EXERCISE.matcher(line);
      if (!m.matches()) {
        throw damaged(number, "cannot read \"" + abbreviate(line) + "\"");
      }
      if (exercises.containsKey(m.group(2))) {
        throw damaged(number, "exercise " + m.group(2) + " appears twice");
      }
      exercises.put(m.group(2),
          new ExerciseProgress(m.group(1).equals("done"), Integer.parseInt(m.group(3))));
    }
    if (!format) {
      throw new DamagedException("it is empty");
    }
    return new Progress(current, exercises);
  }

  private static DamagedException damaged(int line, String why) {
    return new DamagedException("line " + line + ": " + why);
  }

  private static String abbreviate(String line) {
    String printable = line.replaceAll("\\p{Cntrl}", "?");
    return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
  }
}
