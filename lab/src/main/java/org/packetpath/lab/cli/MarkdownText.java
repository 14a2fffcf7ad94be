package org.packetpath.lab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown instructions made pleasant in a terminal, without changing the words: headings in
 * bold without their {@code #}, code blocks indented without their fences, {@code **strong**}
 * in bold. The rest (tables, lists, {@code `code`}) reads well as it is.
 */
final class MarkdownText {
  private static final Pattern STRONG = Pattern.compile("\\*\\*([^*]+)\\*\\*");

  private MarkdownText() {}

  static String render(String markdown, Styles styles) {
    List<String> out = new ArrayList<>();
    boolean code = false;
    for (String line : markdown.strip().split("\n", -1)) {
      if (line.startsWith("```")) {
        code = !code;
        continue;
      }
      if (code) {
        out.add(styles.dim("    " + line).stripTrailing());
      } else if (line.startsWith("#")) {
        out.add(styles.bold(line.replaceFirst("^#+\\s*", "")));
      } else {
        out.add(strong(line, styles));
      }
    }
    return String.join("\n", out) + "\n";
  }

  private static String strong(String line, Styles styles) {
    Matcher m = STRONG.matcher(line);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(
          styles.colour() ? styles.bold(m.group(1)) : m.group(1)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
