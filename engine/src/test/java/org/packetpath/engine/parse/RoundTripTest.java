package org.packetpath.engine.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.packetpath.engine.input.Parsed;
import org.packetpath.engine.rules.Ruleset;
import org.packetpath.engine.testing.RulesetGenerator;

/**
 * parse(print(r)) equals r, and printing is idempotent, for random valid rulesets. The seed is in
 * each test's name so a failure can be replayed.
 */
class RoundTripTest {
  private static final long BASE_SEED = Long.getLong("packetpath.seed", 20261121L);

  @TestFactory
  Stream<DynamicTest> randomRulesetsRoundTrip() {
    return LongStream.range(0, 300)
        .mapToObj(i -> BASE_SEED + i)
        .map(seed -> DynamicTest.dynamicTest("seed " + seed, () -> roundTrip(seed)));
  }

  private static void roundTrip(long seed) {
    String text = new RulesetGenerator(seed).ruleset(40);
    Parsed<Ruleset> first = RulesParser.parse("generated-" + seed + ".rules", text);
    assertEquals(java.util.List.of(), first.errors(), () -> "generated ruleset:\n" + text);
    Ruleset r = first.orThrow();
    String printed = SavePrinter.print(r, true);
    Ruleset again = RulesParser.parse("printed", printed).orThrow();
    assertEquals(r, again, () -> "printed form:\n" + printed);
    assertEquals(printed, SavePrinter.print(again, true), "printing is idempotent");
  }
}
