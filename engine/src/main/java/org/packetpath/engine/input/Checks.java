package org.packetpath.engine.input;

/**
 * Checks of a programmer's arguments, for the compact constructors of records. A failed check
 * is a bug in the caller, not a mistake in user input (that is a {@link Diagnostic}).
 */
public final class Checks {
  private Checks() {}

  /**
   * Checks that no value is {@code null}. The arguments are names and values in turn, in the
   * order of the record's components:
   *
   * <pre>{@code
   * Checks.nonNull("hook", hook, "table", table, "chain", chain);
   * }</pre>
   *
   * @throws NullPointerException for the first value that is {@code null}; its message is that
   *     value's name, as {@code Objects.requireNonNull(value, name)} gives
   * @throws IllegalArgumentException if the arguments are not name and value pairs
   */
  public static void nonNull(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "names and values come in pairs, but there were " + namesAndValues.length);
    }
    for (int i = 1; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i] == null) {
        throw new NullPointerException((String) namesAndValues[i - 1]);
      }
    }
  }
}
