package org.packetpath.lab.kernel;

/**
 * The kernel side of a lab failed: a namespace, link, address, route or sysctl could not be set
 * up, a program the lab runs failed, or the agent in the firewall's namespace stopped answering.
 * A ruleset the kernel refuses is not such a failure: {@link KernelLab#load} returns it.
 */
public final class KernelLabException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KernelLabException(String message) {
    super(message);
  }

  public KernelLabException(String message, Throwable cause) {
    super(message, cause);
  }
}
