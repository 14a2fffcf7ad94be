package org.packetpath.lab.cli;

/** The exit codes of every {@code ./packetpath} command. */
public final class ExitCodes {
  private ExitCodes() {}

  /** The command did what was asked and the answer is yes. */
  public static final int OK = 0;

  /** The command ran, but the answer is no: a check failed, a verdict was negative. */
  public static final int FAILED = 1;

  /** Bad input or usage: a malformed rules file, a missing file, an unknown option. */
  public static final int USAGE = 2;

  /** A bug in PacketPath itself. */
  public static final int INTERNAL_ERROR = 70;
}
