package org.packetpath.lab.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The progress file's text: what the lab writes, it reads back; anything else is damaged. */
class ProgressFileTest {
  @Test
  void writesOneFactPerLineAndReadsItBack() throws Exception {
    Progress progress = Progress.NONE.start("misplaced-rules").hintsShown("misplaced-rules", 2)
        .done("misplaced-rules").start("dont-lock-yourself-out");
    String text = ProgressFile.write(progress);
    assertEquals("""
        # PacketPath progress, written by ./packetpath. Delete this file to start over.
        format 1
        current dont-lock-yourself-out
        done misplaced-rules hints 2
        started dont-lock-yourself-out hints 0
        """, text);
    assertEquals(progress, ProgressFile.read(text));
  }

  @Test
  void aFileMendedByHandIsReadToo() throws Exception {
    Progress progress = ProgressFile.read("\n# mine\nformat 1\n\n  done stop-the-bot hints 1  \n");
    assertEquals(new Progress(Optional.empty(), Map.of("stop-the-bot",
        new ExerciseProgress(true, 1))), progress);
  }

  @Test
  void damageIsLocated() {
    assertEquals("it is empty", damage(""));
    assertEquals("it is empty", damage("# only a comment\n"));
    assertEquals("line 1: expected \"format 1\" first", damage("format 2\n"));
    assertEquals("line 2: cannot read \"done misplaced-rules hints\"",
        damage("format 1\ndone misplaced-rules hints\n"));
    assertEquals("line 3: exercise a appears twice",
        damage("format 1\nstarted a hints 0\ndone a hints 1\n"));
    assertEquals("line 3: a second or malformed \"current\" line",
        damage("format 1\ncurrent a\ncurrent b\n"));
    assertEquals("line 2: cannot read \"???\"", damage("format 1\n\u0000\u0000\u0000\n"));
  }

  private static String damage(String text) {
    return assertThrows(ProgressFile.DamagedException.class, () -> ProgressFile.read(text))
        .getMessage();
  }
}
