package org.packetpath.engine.ext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/**
 * The {@code sctp} match: ports, as the tcp match reads them (but with SCTP's service names
 * only), and the chunk types an SCTP packet carries.
 */
final class Sctp {
  private Sctp() {}

  static ModuleSpec spec() {
    OptionSpec sport = OptionSpec.one("--sport", t -> Ports.portRange(t, "sctp")).negatable()
        .alias("--source-port").twice("Only one `--source-port' allowed");
    OptionSpec dport = OptionSpec.one("--dport", t -> Ports.portRange(t, "sctp")).negatable()
        .alias("--destination-port").twice("Only one `--destination-port' allowed");
    OptionSpec chunks = OptionSpec.many("--chunk-types", 2, Sctp::chunkTypes).negatable()
        .twice("Only one `--chunk-types' allowed");
    return ModuleSpec.match("sctp", sport, dport, chunks)
        .withFinisher(Args.protocolRequired("sctp match", "sctp", 132, "the sctp match only"
            + " reads SCTP packets: add -p sctp before it"))
        .meaning(Sctp::meaning);
  }

  /**
   * The protocol, the ports in their ranges, and the chunk types: simulated SCTP packets carry
   * no chunk (the packet syntax has none), so a chunk test never holds and {@code !} always
   * does. The kernel, finding no chunk where one must be, drops such a packet at the rule.
   */
  private static Condition meaning(List<Option> options) {
    return Meanings.withPorts(132, options, o -> new Condition.Opaque("sctp", "whether the"
        + " packet carries " + o.args().get(0) + " of the chunks " + o.args().get(1)
        + "; simulated SCTP packets carry no chunks", new Condition.Fixed(false)));
  }

  // ---- arguments ---------------------------------------------------------------------------

  /** A chunk type: its name, number, and the letters of its flags, bit 7 first ({@code -}: none). */
  private record Chunk(String name, int type, String flags) {}

  private static final List<Chunk> CHUNKS = List.of(
      new Chunk("DATA", 0, "----IUBE"), new Chunk("INIT", 1, "--------"),
      new Chunk("INIT_ACK", 2, "--------"), new Chunk("SACK", 3, "--------"),
      new Chunk("HEARTBEAT", 4, "--------"), new Chunk("HEARTBEAT_ACK", 5, "--------"),
      new Chunk("ABORT", 6, "-------T"), new Chunk("SHUTDOWN", 7, "--------"),
      new Chunk("SHUTDOWN_ACK", 8, "--------"), new Chunk("ERROR", 9, "--------"),
      new Chunk("COOKIE_ECHO", 10, "--------"), new Chunk("COOKIE_ACK", 11, "--------"),
      new Chunk("ECN_ECNE", 12, "--------"), new Chunk("ECN_CWR", 13, "--------"),
      new Chunk("SHUTDOWN_COMPLETE", 14, "-------T"), new Chunk("I_DATA", 64, "----IUBE"),
      new Chunk("RE_CONFIG", 130, "--------"), new Chunk("PAD", 132, "--------"),
      new Chunk("ASCONF", 193, "--------"), new Chunk("ASCONF_ACK", 128, "--------"),
      new Chunk("FORWARD_TSN", 192, "--------"), new Chunk("I_FORWARD_TSN", 194, "--------"));

  /** How many chunk types may have flags ({@code XT_NUM_SCTP_FLAGS}). */
  private static final int MAX_FLAGGED = 4;

  /**
   * {@code any|all|only CHUNK[:FLAGS],...}, as libxt_sctp reads it: the match type in any case,
   * printed in lower case; the chunk names in any case, printed by chunk number, each with its
   * flags (upper case: set, lower case: clear), or {@code ALL} or {@code NONE}. libxt_sctp keeps
   * a chunk's flags under its place in its table of names rather than its number, and prints
   * them by number: the two agree up to SHUTDOWN_COMPLETE, and the flags of the later chunks
   * are never printed.
   */
  private static List<String> chunkTypes(List<String> args) throws ArgException {
    String list = args.get(1);
    if (list.startsWith("-") || list.startsWith("!")) {
      throw new ArgException("--chunk-types requires two args").at(1).explained("give the match type (any, all or only) and then the chunk types");
    }
    String type = args.get(0).toLowerCase(Locale.ROOT);
    if (!List.of("any", "all", "only").contains(type)) {
      throw new ArgException("Match type has to be one of \"ALL\", \"ANY\" or \"ONLY\"", 0,
          "--chunk-types first says whether any, all or only the chunks listed must be present");
    }
    if (list.equalsIgnoreCase("ALL") || list.equalsIgnoreCase("NONE")) {
      return List.of(type, list.toUpperCase(Locale.ROOT));
    }
    boolean[] present = new boolean[256];
    // per place in CHUNKS: {mask, set}; in the order first given
    Map<Integer, int[]> flags = new TreeMap<>();
    int flagged = 0;
    for (String word : list.split(",")) {
      if (word.isEmpty()) {
        continue;
      }
      int colon = word.indexOf(':');
      String name = colon < 0 ? word : word.substring(0, colon);
      int place = place(name);
      present[CHUNKS.get(place).type()] = true;
      if (colon < 0) {
        continue;
      }
      String valid = CHUNKS.get(place).flags();
      for (char c : word.substring(colon + 1).toCharArray()) {
        int at = valid.indexOf(Character.toUpperCase(c));
        if (at < 0) {
          throw new ArgException("Invalid flags for chunk type " + place, 1,
              name + " has " + (valid.equals("--------") ? "no flags"
                  : "the flags " + valid.replace("-", "")));
        }
        if (!flags.containsKey(place)) {
          if (flagged == MAX_FLAGGED) {
            throw new ArgException("Number of chunk types with flags exceeds currently allowed"
                + " limit. Increasing this limit involves changing IPT_NUM_SCTP_FLAGS and"
                + " recompiling both the kernel space and user space modules", 1,
                "at most " + MAX_FLAGGED + " chunk types may have flags");
          }
          flagged++;
          flags.put(place, new int[2]);
        }
        int bit = 1 << (7 - at);
        flags.get(place)[0] |= bit;
        if (Character.isUpperCase(c)) {
          flags.get(place)[1] |= bit;
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (int number = 0; number < present.length; number++) {
      if (present[number]) {
        out.add(name(number) + flagText(number, flags.get(number)));
      }
    }
    return List.of(type, out.isEmpty() ? "NONE" : String.join(",", out));
  }

  private static int place(String name) throws ArgException {
    for (int i = 0; i < CHUNKS.size(); i++) {
      if (CHUNKS.get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new ArgException("Unknown sctp chunk `" + name + "'", 1,
        "SCTP chunk types are DATA, INIT, INIT_ACK, SACK, HEARTBEAT, ABORT, SHUTDOWN, ERROR,"
            + " COOKIE_ECHO, COOKIE_ACK and the others of RFC 9260, or ALL or NONE");
  }

  private static String name(int number) {
    for (Chunk c : CHUNKS) {
      if (c.type() == number) {
        return c.name();
      }
    }
    throw new IllegalStateException("no chunk numbered " + number);
  }

  /** {@code :Be}, the flags kept under place {@code number}, read with that place's letters. */
  private static String flagText(int number, int[] maskAndSet) {
    if (maskAndSet == null || maskAndSet[0] == 0) {
      return "";
    }
    String valid = CHUNKS.get(number).flags();
    StringBuilder out = new StringBuilder(":");
    for (int bit = 7; bit >= 0; bit--) {
      if ((maskAndSet[0] & (1 << bit)) != 0) {
        char letter = valid.charAt(7 - bit);
        out.append((maskAndSet[1] & (1 << bit)) != 0 ? letter : Character.toLowerCase(letter));
      }
    }
    return out.toString();
  }
}
