package org.packetpath.lab.repl;

import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;
import jdk.jshell.execution.LocalExecutionControl;
import org.packetpath.engine.input.InputException;
import org.packetpath.engine.trace.Trace;

/** jshell's local engine with the changes {@link LabExecutionProvider} describes. */
final class LabExecutionControl extends LocalExecutionControl {
  private final PrintStream out;
  private final PrintStream err;
  private PrintStream savedOut;
  private PrintStream savedErr;

  LabExecutionControl(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  protected void clientCodeEnter() {
    super.clientCodeEnter();
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(out);
    System.setErr(err);
  }

  @Override
  protected void clientCodeLeave() {
    System.out.flush();
    System.err.flush();
    System.setOut(savedOut);
    System.setErr(savedErr);
    super.clientCodeLeave();
  }

  /** Runs a snippet; a trace it returns is shown in one line. */
  @Override
  protected String invoke(Method doit) throws Exception {
    String shown = super.invoke(doit);
    return trace(doit.getDeclaringClass()).map(LabExecutionControl::brief).orElse(shown);
  }

  /**
   * The trace a snippet's class holds, if it is a variable of type {@code Trace}: jshell turns
   * {@code send(...)} into a class with the one static field {@code $1}, and {@code var t =
   * send(...)} into one with the field {@code t}.
   */
  private static Optional<Trace> trace(Class<?> snippet) {
    Field[] fields = snippet.getDeclaredFields();
    if (fields.length != 1 || !Modifier.isStatic(fields[0].getModifiers())
        || !Trace.class.isAssignableFrom(fields[0].getType())) {
      return Optional.empty();
    }
    try {
      fields[0].setAccessible(true);
      return Optional.ofNullable((Trace) fields[0].get(null));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** {@code Trace[tcp 192.0.2.66:40000 > 203.0.113.1:22 SYN in wan0: DROPPED]}. */
  static String brief(Trace trace) {
    return "Trace[" + trace.packet() + ": " + trace.disposition() + "]";
  }

  /**
   * A mistake in what the learner typed ends the snippet as if it had returned nothing, once
   * its located diagnostic is printed: jshell shows {@code $2 ==> null} for an expression and
   * nothing for a statement. That is a helper's {@link Reported}, whose diagnostic is printed
   * already, or the engine's {@link InputException}, from {@code fw.send("...")} for example.
   * Anything else is reported by jshell as usual, with its stack trace.
   */
  @Override
  protected String throwConvertedInvocationException(Throwable cause)
      throws RunException, InternalException {
    if (cause instanceof InputException e) {
      err.println(e.render());
      err.flush();
      return "null";
    }
    if (cause instanceof Reported) {
      return "null";
    }
    return super.throwConvertedInvocationException(cause);
  }
}
