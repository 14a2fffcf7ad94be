package org.packetpath.engine.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Feeds arbitrary text to the rules parser in both forms and checks {@link ParserProperties}.
 * The bytes are read as UTF-8, as a rules file is; a dictionary of iptables words helps the
 * fuzzer build lines the parser gets far into.
 *
 * <p>Without {@code JAZZER_FUZZ} this replays the seed files in {@code
 * AnyTextFuzzTestInputs/anyText/} (valid and invalid rules files, and every input that once
 * failed) as a regression test. With it, Jazzer mutates them, guided by coverage.
 */
class AnyTextFuzzTest {
  @FuzzTest(maxDuration = "30s")
  @DictionaryFile(resourcePath = "iptables.dict")
  void anyText(byte[] input) {
    ParserProperties.check(new String(input, StandardCharsets.UTF_8));
  }
}
