package org.packetpath.lab.kernel;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Optional;

/**
 * The messages between the lab and its agent ({@code agent.py}), one JSON object a line each
 * way: a request names its operation in {@code op}; a reply holds what that operation answers,
 * or {@code error} alone when the request failed. {@link Agent} writes and reads them with
 * Jackson; these records are the whole protocol.
 */
final class Protocol {
  private Protocol() {}

  /** What the lab asks of the agent. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
  @JsonSubTypes({@JsonSubTypes.Type(Config.class), @JsonSubTypes.Type(SetSysctls.class),
      @JsonSubTypes.Type(Capture.class), @JsonSubTypes.Type(Services.class),
      @JsonSubTypes.Type(Exec.class), @JsonSubTypes.Type(Read.class),
      @JsonSubTypes.Type(Recycle.class), @JsonSubTypes.Type(Send.class)})
  sealed interface Request
      permits Config, SetSysctls, Capture, Services, Exec, Read, Recycle, Send {}

  /** A program the agent runs; skipped, as if it printed nothing, while file unlessZero is 0. */
  record Program(List<String> argv, Optional<String> unlessZero) {}

  /**
   * How long the agent waits for frames after sending (until none came for settleMillis, at
   * most limitMillis), and the programs it runs after every packet, side by side.
   */
  @JsonTypeName("config")
  record Config(long settleMillis, long limitMillis, List<Program> snapshot) implements Request {}

  /** Writes {@code /proc/sys/KEY} in namespace ns (empty: the agent's own); optional: if any. */
  @JsonTypeName("sysctl")
  record SetSysctls(Optional<String> ns, boolean optional, List<List<String>> values)
      implements Request {}

  /** Opens a packet socket on device in namespace ns, known by name from then on. */
  @JsonTypeName("capture")
  record Capture(String ns, String device, String name) implements Request {}

  /** Opens a listening socket per TCP port and a bound socket per UDP port, and a raw socket. */
  @JsonTypeName("services")
  record Services(List<Integer> tcp, List<Integer> udp) implements Request {}

  /** Runs argv with stdin as its input; answered by {@link Ran}. */
  @JsonTypeName("exec")
  record Exec(List<String> argv, String stdin) implements Request {}

  /** Reads a file, empty when it does not exist; answered by {@link Text}. */
  @JsonTypeName("read")
  record Read(String path) implements Request {}

  /** Reopens the services' sockets and drops the frames not yet read. */
  @JsonTypeName("recycle")
  record Recycle() implements Request {}

  /**
   * Sends bytes (hex): a frame from the capture socket via, or without via an IPv4 packet from
   * the raw socket to destination with mark; answered by {@link Sent}.
   */
  @JsonTypeName("send")
  record Send(Optional<String> via, Optional<String> destination, long mark, String bytes)
      implements Request {}

  /** The answer to {@link Exec}, and to each snapshot program. */
  record Ran(int rc, String out, String err) {}

  /** The answer to {@link Read}. */
  record Text(String text) {}

  /** A frame captured (hex) on the capture socket via. */
  record Captured(String via, String hex) {}

  /**
   * The answer to {@link Send}: the frames that arrived, in kernel time order; why it could
   * not be sent, empty when it went out; what each snapshot program printed.
   */
  record Sent(List<Captured> frames, String sendError, List<Ran> snapshot) {}
}
