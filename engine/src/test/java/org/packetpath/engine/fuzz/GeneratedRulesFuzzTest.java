package org.packetpath.engine.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;

/**
 * Feeds rules files built by {@link RuleTextGenerator} out of real iptables words to the rules
 * parser and checks {@link ParserProperties}. The fuzzer's bytes steer every choice of the
 * generator, so coverage guides which words meet on a line. The seed inputs in {@code
 * GeneratedRulesFuzzTestInputs/generatedRules/} are random bytes: they only give the fuzzer
 * room to make long files from the start.
 */
class GeneratedRulesFuzzTest {
  /** How many generated files the plain test run checks; more with {@code -Dsweep=N}. */
  private static final int SWEEP = Integer.getInteger("sweep", 1000);

  @FuzzTest(maxDuration = "30s")
  void generatedRules(FuzzedDataProvider data) {
    ParserProperties.check(RuleTextGenerator.generate(choices(data), 12));
  }

  /**
   * Without the fuzzer, the same generator driven by a seeded random source still reaches
   * thousands of word combinations, reproducibly.
   */
  @Test
  void seededSweep() {
    for (int seed = 0; seed < SWEEP; seed++) {
      ParserProperties.check(RuleTextGenerator.generate(RuleTextGenerator.random(seed), 12));
    }
  }

  private static RuleTextGenerator.Choices choices(FuzzedDataProvider data) {
    return new RuleTextGenerator.Choices() {
      @Override
      public int pick(int bound) {
        return data.consumeInt(0, bound - 1);
      }

      @Override
      public String text(int maxLength) {
        return data.consumeString(maxLength);
      }
    };
  }
}
