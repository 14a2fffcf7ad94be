package org.packetpath.engine.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
  private static List<String> words(String line) throws Tokenizer.UnterminatedQuote {
    return Tokenizer.split(line).stream().map(Token::text).toList();
  }

  @Test
  void splitsOnSpacesAndTabs() throws Exception {
    assertEquals(List.of("-A", "INPUT", "-j", "ACCEPT"), words("-A  INPUT\t-j ACCEPT "));
  }

  @Test
  void doubleQuotesGroupAndAreRemoved() throws Exception {
    assertEquals(List.of("--comment", "ssh from lan"), words("--comment \"ssh from lan\""));
    assertEquals(List.of("--comment", ""), words("--comment \"\""));
  }

  @Test
  void backslashEscapesInsideQuotes() throws Exception {
    assertEquals(List.of("with \"escaped\" quotes"), words("\"with \\\"escaped\\\" quotes\""));
  }

  @Test
  void singleQuotesAreOrdinary() throws Exception {
    assertEquals(List.of("'a", "b'"), words("'a b'"));
  }

  @Test
  void columnsAreOneBased() throws Exception {
    List<Token> tokens = Tokenizer.split("-A INPUT \"x y\"");
    assertEquals(List.of(1, 4, 10), tokens.stream().map(Token::column).toList());
  }

  @Test
  void unterminatedQuoteReportsWhereItOpened() {
    Tokenizer.UnterminatedQuote e =
        assertThrows(Tokenizer.UnterminatedQuote.class, () -> Tokenizer.split("-A \"open"));
    assertEquals(4, e.column);
  }

  @Test
  void theClosingQuoteEndsTheWord() throws Exception {
    assertEquals(List.of("a", "b"), words("\"a\"b"));
    assertEquals(List.of("a", "b"), words("\"a\"\"b\""));
    assertEquals(List.of("abc d"), words("ab\"c d\""));
  }

  @Test
  void aCarriageReturnIsAnOrdinaryCharacter() throws Exception {
    assertEquals(List.of("-j", "ACCEPT\r"), words("-j ACCEPT\r"));
    assertEquals(List.of("x", "\r"), words("\"x\"\r"));
    assertEquals("COMMIT\r", Tokenizer.strip(" COMMIT\r\t"));
  }
}
