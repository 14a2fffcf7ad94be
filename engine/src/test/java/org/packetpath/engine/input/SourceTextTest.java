package org.packetpath.engine.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceTextTest {
  private static Diagnostic error(byte[] bytes) {
    return SourceText.decode("rules.v4", bytes).error().orElseThrow();
  }

  private static byte[] bytes(String before, int bad, String after) {
    byte[] a = before.getBytes(StandardCharsets.UTF_8);
    byte[] b = after.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[a.length + 1 + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    all[a.length] = (byte) bad;
    System.arraycopy(b, 0, all, a.length + 1, b.length);
    return all;
  }

  @Test
  void utf8TextIsRead() {
    SourceText read = SourceText.decode("rules.v4", "# café\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("# café\n", read.text().orElseThrow());
  }

  @Test
  void theFirstByteThatIsNotUtf8IsNamedByLineAndColumn() {
    Diagnostic d = error(bytes("*filter\n-A INPUT -m comment --comment \"é", 0xff, "\"\n"));
    assertEquals("rules.v4:2:33: error: not a text file (invalid UTF-8)", d.toString());
    assertEquals("byte 0xff here is not UTF-8: save the file as UTF-8", d.explanation());
    assertEquals("-A INPUT -m comment --comment \"é\ufffd\"", d.sourceLine());
  }

  @Test
  void aByteOnTheFirstLine() {
    assertEquals("rules.v4:1:1: error: not a text file (invalid UTF-8)",
        error(bytes("", 0xc3, "x\n")).toString());
  }
}
