package org.packetpath.engine.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
  private static List<String> words(String line) {
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
  void anOpenQuoteTakesTheRestOfTheLineAndItsNewline() {
    List<Integer> opened = new java.util.ArrayList<>();
    List<Token> tokens = Tokenizer.split("-A \"open x", opened::add);
    assertEquals(List.of("-A", "open x\n"), tokens.stream().map(Token::text).toList());
    assertEquals(List.of(4), opened);
    // A backslash before the end escapes the newline: the same word.
    assertEquals(List.of("x\n"), words("\"x\\"));
    assertEquals(List.of("-j", "ACCEPT", "\n"), words("-j ACCEPT \""));
  }

  @Test
  void theClosingQuoteEndsTheWord() throws Exception {
    assertEquals(List.of("a", "b"), words("\"a\"b"));
    assertEquals(List.of("a", "b"), words("\"a\"\"b\""));
    assertEquals(List.of("abc d"), words("ab\"c d\""));
    // As iptables-restore 1.8.9 read them (Bad argument `bc', `d'; the comment a"b).
    assertEquals(List.of("a", "bc"), words("\"a\"b\"c\""));
    assertEquals(List.of("ab c", "d"), words("a\"b c\"d"));
    assertEquals(List.of("a\"b"), words("\"a\\\"b\""));
    assertEquals(List.of("ab"), words("ab\"\""));
  }

  @Test
  void aBackslashOutsideQuotesIsOrdinary() {
    assertEquals(List.of("a\\b c\n"), words("a\\\"b c"));
  }

  @Test
  void aCarriageReturnIsAnOrdinaryCharacter() throws Exception {
    assertEquals(List.of("-j", "ACCEPT\r"), words("-j ACCEPT\r"));
    assertEquals(List.of("x", "\r"), words("\"x\"\r"));
    assertEquals("COMMIT\r", Tokenizer.strip(" COMMIT\r\t"));
  }
}
