package org.packetpath.engine.ext;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.packetpath.engine.rules.Condition;

/**
 * The {@code comment} match: it holds for every packet and documents the rule. The kernel keeps
 * the first 255 bytes of a longer comment, silently, and iptables-save prints what it kept.
 */
final class Comment {
  /** The bytes of UTF-8 the kernel keeps of a comment ({@code XT_MAX_COMMENT_LEN} - 1). */
  static final int MAX_BYTES = 255;

  private Comment() {}

  static ModuleSpec spec() {
    OptionSpec comment = OptionSpec.one("--comment", a -> firstBytes(a, MAX_BYTES)).quoted();
    return ModuleSpec.match("comment", comment)
        .withRules(OptionRules.of("--comment").mandatory("--comment"))
        .meaning(options -> Condition.TRUE);
  }

  /**
   * The longest start of {@code text} that takes at most {@code max} bytes of UTF-8. Where the
   * kernel cuts a character in two, iptables-save prints its first bytes, which are not UTF-8;
   * this leaves the whole character out.
   */
  static String firstBytes(String text, int max) {
    if (text.length() * 3 <= max || text.getBytes(StandardCharsets.UTF_8).length <= max) {
      return text;
    }
    int bytes = 0;
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      if (bytes + size > max) {
        break;
      }
      bytes += size;
      i += Character.charCount(c);
    }
    return text.substring(0, i);
  }

  static List<ModuleSpec> all() {
    return List.of(spec());
  }
}
