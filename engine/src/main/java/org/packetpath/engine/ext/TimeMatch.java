package org.packetpath.engine.ext;

import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.IntFunction;
import org.packetpath.engine.rules.Condition;
import org.packetpath.engine.rules.Option;

/** The {@code time} match: the time of day, weekday, day of the month and date of arrival. */
final class TimeMatch {
  private static final List<String> WEEK_DAYS =
      List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
  private static final int ALL_WEEKDAYS = 0xfe;
  private static final int ALL_MONTHDAYS = 0xfffffffe;
  /** Stands for "every day" in the canonical option until the finisher drops it. */
  private static final String EVERY_DAY = "*";
  private static final String EPOCH = "1970-01-01T00:00:00";
  /** The default end of the date range, INT_MAX seconds, which iptables-save always prints. */
  private static final String LAST_DATE = "2038-01-19T03:14:07";
  private static final String FIRST_TIME = "00:00:00";
  private static final String LAST_TIME = "23:59:59";
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final List<String> SAVE_ORDER = List.of("--timestart", "--timestop",
      "--monthdays", "--weekdays", "--datestart", "--datestop", "--kerneltz", "--contiguous");

  private TimeMatch() {}

  static ModuleSpec spec() {
    return ModuleSpec.match(
            "time",
            OptionSpec.one("--datestart", TimeMatch::date),
            OptionSpec.one("--datestop", TimeMatch::date),
            OptionSpec.one("--timestart", TimeMatch::daytime),
            OptionSpec.one("--timestop", TimeMatch::daytime),
            OptionSpec.flag("--contiguous"),
            OptionSpec.custom("--weekdays", 1, (n, negated, args) ->
                Option.of(n, weekdays(args.get(0), negated))).negatable(),
            OptionSpec.custom("--monthdays", 1, (n, negated, args) ->
                Option.of(n, monthdays(args.get(0), negated))).negatable(),
            OptionSpec.flag("--localtz"),
            OptionSpec.flag("--utc"),
            OptionSpec.flag("--kerneltz"))
        .withSaveOrder(SAVE_ORDER.toArray(new String[0]))
        .checkedBy(ModuleSpec.Finisher.requiring(
            (rule, options) -> !Args.has(options, "--contiguous")
                || start(options).compareTo(stop(options)) >= 0,
            "time: --contiguous only makes sense when stoptime is smaller than starttime",
            "--contiguous is for a time range across midnight, as in --timestart 22:00"
                + " --timestop 06:00"))
        .withRules(OptionRules.of("--datestart", "--datestop", "--timestart", "--timestop",
                "--contiguous", "--weekdays", "--monthdays", "--localtz", "--utc", "--kerneltz")
            .ids("--datestart", "--datestop", "--timestart", "--timestop", "--contiguous",
                "--monthdays", "--weekdays", "--localtz", "--utc", "--kerneltz")
            .excludes("--localtz", "--utc")
            .excludes("--utc", "--localtz", "--kerneltz")
            .excludes("--kerneltz", "--utc"))
        .withFinisher((rule, options) -> canonical(options))
        .notSimulated("the simulator has no clock: a time match matches whenever its window"
            + " exists (at least one weekday and one day of the month, a date range not"
            + " reversed)")
        .meaning(TimeMatch::meaning);
  }

  private static String start(List<Option> options) {
    return Args.find(options, "--timestart").map(Option::arg).orElse(FIRST_TIME);
  }

  private static String stop(List<Option> options) {
    return Args.find(options, "--timestop").map(Option::arg).orElse(LAST_TIME);
  }

  /** What iptables-save prints: defaults left out, except the end of the date range. */
  private static List<Option> canonical(List<Option> options) {
    List<Option> out = new ArrayList<>();
    String start = start(options);
    String stop = stop(options);
    if (!start.equals(FIRST_TIME) || !stop.equals(LAST_TIME)) {
      out.add(Option.of("--timestart", start));
      out.add(Option.of("--timestop", stop));
    }
    for (String days : List.of("--monthdays", "--weekdays")) {
      Args.find(options, days).filter(o -> !o.arg().equals(EVERY_DAY)).ifPresent(out::add);
    }
    Args.find(options, "--datestart").filter(o -> !o.arg().equals(EPOCH)).ifPresent(out::add);
    Option stopDate = Args.find(options, "--datestop").orElse(Option.of("--datestop", LAST_DATE));
    if (!stopDate.arg().equals(EPOCH)) {
      out.add(stopDate);
    }
    if (Args.has(options, "--kerneltz") || Args.has(options, "--localtz")) {
      out.add(Option.of("--kerneltz"));
    }
    Args.find(options, "--contiguous").ifPresent(out::add);
    return out;
  }

  /**
   * The simulator has no clock, so it takes the packet to arrive inside the window whenever
   * one exists: a time of day always does (a range across midnight too); the weekdays and the
   * days of the month must name at least one day; the date range must not end before it
   * starts. Each part is judged on its own (the 31st of a range within February is not
   * noticed).
   */
  private static Condition meaning(List<Option> options) {
    boolean days = options.stream()
        .filter(o -> o.name().equals("--weekdays") || o.name().equals("--monthdays"))
        .noneMatch(o -> o.arg().isEmpty());
    String from = Args.find(options, "--datestart").map(Option::arg).orElse(EPOCH);
    String to = Args.find(options, "--datestop").map(Option::arg).orElse(EPOCH);
    return new Condition.Opaque("time", "the time the packet arrives; the simulator takes it"
        + " to be inside the window", new Condition.Fixed(days && from.compareTo(to) <= 0));
  }

  // ---- arguments ---------------------------------------------------------------------------

  /** C's {@code strtoul(s + from, &end, 10)}: {value, end}; a value past 2^32 reads as -1. */
  private static long[] strtoul10(String s, int from) {
    CNumbers.Scan scan = CNumbers.scan(s, from, 10);
    if (!scan.hasDigits()) {
      return new long[] {0, from};
    }
    boolean huge = scan.magnitude().compareTo(BigInteger.valueOf(0xffffffffL)) > 0
        || (scan.negative() && scan.magnitude().signum() != 0);
    return new long[] {huge ? -1 : scan.magnitude().longValue(), scan.end()};
  }

  private static char at(String s, long index) {
    return index < s.length() ? s.charAt((int) index) : '\0';
  }

  /** {@code hh:mm[:ss]}, printed {@code hh:mm:ss}. */
  private static String daytime(String text) throws ArgException {
    long[] hour = strtoul10(text, 0);
    if (at(text, hour[1]) != ':' || hour[0] < 0 || hour[0] > 23) {
      throw badTime(text);
    }
    String rest = text.substring((int) hour[1] + 1);
    long[] minute = strtoul10(rest, 0);
    char after = at(rest, minute[1]);
    if ((after != ':' && after != '\0') || minute[0] < 0 || minute[0] > 59) {
      throw badTime(rest);
    }
    long second = 0;
    if (after == ':') {
      rest = rest.substring((int) minute[1] + 1);
      long[] s = strtoul10(rest, 0);
      if (at(rest, s[1]) != '\0' || s[0] < 0 || s[0] > 59) {
        throw badTime(rest);
      }
      second = s[0];
    }
    return String.format("%02d:%02d:%02d", hour[0], minute[0], second);
  }

  private static ArgException badTime(String text) {
    return new ArgException("invalid time \"" + text + "\" specified, should be hh:mm[:ss]"
            + " format and within the boundaries")
        .explained("a time of day is hh:mm or hh:mm:ss, from 00:00 to 23:59:59");
  }

  /**
   * {@code YYYY[-MM[-DD[Thh[:mm[:ss]]]]]} in UTC, years 1970 to 2038, normalised as {@code
   * mktime} does (February 30 is March 1), printed in full.
   */
  private static String date(String text) throws ArgException {
    long[] limits = {2038, 12, 31, 23, 59, 59};
    char[] separators = {'-', '-', 'T', ':', ':', '\0'};
    long[] parts = {0, 1, 1, 0, 0, 0};
    int at = 0;
    for (int i = 0; i < parts.length; i++) {
      long[] n = strtoul10(text, at);
      char after = at(text, n[1]);
      if ((after != separators[i] && after != '\0') || n[0] < 0 || n[0] > limits[i]
          || (i == 0 && n[0] < 1970)) {
        throw new ArgException("Invalid date \"" + text + "\" specified. Should be"
                + " YYYY[-MM[-DD[Thh[:mm[:ss]]]]]")
            .explained("a date is written as 2024-06-30 or 2024-06-30T18:00:00, in UTC");
      }
      parts[i] = n[0];
      if (after == '\0') {
        break;
      }
      at = (int) n[1] + 1;
    }
    LocalDateTime time = LocalDateTime.of((int) parts[0], 1, 1, 0, 0).plusMonths(parts[1] - 1)
        .plusDays(parts[2] - 1).plusHours(parts[3]).plusMinutes(parts[4]).plusSeconds(parts[5]);
    if (time.toEpochSecond(ZoneOffset.UTC) < 0) {
      throw new ArgException("mktime returned an error")
          .explained("the date is before 1970-01-01");
    }
    return ISO.format(time);
  }

  /** The segments of a comma-separated list, each cut to {@code width} characters. */
  private static List<String> segments(String text, int width) {
    List<String> out = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int comma = text.indexOf(',', at);
      String segment = comma < 0 ? text.substring(at) : text.substring(at, comma);
      out.add(segment.length() > width ? segment.substring(0, width) : segment);
      if (comma < 0) {
        break;
      }
      at = comma + 1;
    }
    return out;
  }

  /** Weekdays by name (the first two letters count) or number 1..7, printed by name. */
  private static String weekdays(String text, boolean negated) throws ArgException {
    int mask = 0;
    for (String day : segments(text, 3)) {
      java.util.Optional<Long> n = CNumbers.strtoulAll(day.isEmpty() ? "0" : day);
      if (n.isPresent()) {
        if (n.get() == 0) {
          throw new ArgException("No, the week does NOT begin with Sunday.")
              .explained("weekdays are numbered from 1 (Monday) to 7 (Sunday)");
        }
        mask |= 1 << n.get().intValue();
        continue;
      }
      int found = -1;
      for (int i = 0; i < WEEK_DAYS.size(); i++) {
        if (day.length() >= 2 && WEEK_DAYS.get(i).startsWith(day.substring(0, 2))) {
          found = i + 1;
        }
      }
      if (found < 0) {
        throw new ArgException(day + " is not a valid day specifier")
            .explained("weekdays are Mon, Tue, Wed, Thu, Fri, Sat, Sun or 1 to 7");
      }
      mask |= 1 << found;
    }
    return days(mask, negated, ALL_WEEKDAYS, i -> WEEK_DAYS.get(i - 1));
  }

  /** Days of the month 1..31 (any C base, two characters each), printed in order. */
  private static String monthdays(String text, boolean negated) throws ArgException {
    int mask = 0;
    for (String day : segments(text, 2)) {
      CNumbers.Scan scan = CNumbers.scan(day, 0, 0);
      int end = scan.hasDigits() ? scan.end() : 0;
      boolean negative = scan.negative() && scan.magnitude().signum() != 0;
      if (end != day.length() || negative || scan.magnitude().intValue() > 31) {
        throw new ArgException(day + " is not a valid day for --monthdays")
            .explained("days of the month are 1 to 31, separated by commas");
      }
      mask |= 1 << scan.magnitude().intValue();
    }
    return days(mask, negated, ALL_MONTHDAYS, Integer::toString);
  }

  /**
   * The days of {@code mask} (bit n for day n; {@code !} flips those of {@code all}) named by
   * {@code name} and joined by commas, or {@link #EVERY_DAY} when they are all of {@code all}.
   */
  private static String days(int mask, boolean negated, int all, IntFunction<String> name) {
    int days = negated ? mask ^ all : mask;
    if (days == all) {
      return EVERY_DAY;
    }
    StringJoiner out = new StringJoiner(",");
    for (int i = 1; i < 32; i++) {
      if ((days & all & (1 << i)) != 0) {
        out.add(name.apply(i));
      }
    }
    return out.toString();
  }
}
