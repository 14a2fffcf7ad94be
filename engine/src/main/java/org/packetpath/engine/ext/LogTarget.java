package org.packetpath.engine.ext;

import java.util.List;
import java.util.Locale;
import org.packetpath.engine.rules.Action;
import org.packetpath.engine.rules.Option;

/** The {@code LOG} target: write the packet to the kernel log; the walk goes on. */
final class LogTarget {
  private LogTarget() {}

  private static final List<String> LOG_LEVELS =
      List.of("emerg", "alert", "crit", "error", "warning", "notice", "info", "debug");

  static ModuleSpec spec() {
    OptionSpec prefix = OptionSpec.one("--log-prefix", LogTarget::logPrefix).quoted();
    OptionSpec level = OptionSpec.one("--log-level", LogTarget::logLevel);
    return ModuleSpec.target(
            "LOG",
            prefix,
            level,
            OptionSpec.flag("--log-tcp-sequence"),
            OptionSpec.flag("--log-tcp-options"),
            OptionSpec.flag("--log-ip-options"),
            OptionSpec.flag("--log-uid"),
            OptionSpec.flag("--log-macdecode"))
        .withFinisher(
            (rule, options) ->
                options.stream()
                    .filter(o -> !(o.name().equals("--log-level") && o.arg().equals("4")))
                    .toList())
        .does(options -> new Action.Log(false, options.stream()
            .filter(o -> o.name().equals("--log-prefix")).map(Option::arg).findFirst()
            .orElse("")));
  }

  private static String logPrefix(String text) throws ArgException {
    return TextArgs.nonEmpty(text, 29, "No prefix specified for --log-prefix",
        "give a short text such as \"FW-DROP: \"");
  }

  private static String logLevel(String text) throws ArgException {
    int named = LOG_LEVELS.indexOf(text.toLowerCase(Locale.ROOT));
    if (named >= 0) {
      return Integer.toString(named);
    }
    if (text.equalsIgnoreCase("panic")) {
      return "0";
    }
    if (text.equalsIgnoreCase("warn")) {
      return "4";
    }
    if (text.equalsIgnoreCase("err")) {
      return "3";
    }
    if (text.length() == 1 && text.charAt(0) >= '0' && text.charAt(0) <= '7') {
      return text;
    }
    throw new ArgException("log level \"" + text + "\" unknown")
        .explained("log levels are 0..7 or emerg, alert, crit, error, warning, notice, info, debug");
  }
}
