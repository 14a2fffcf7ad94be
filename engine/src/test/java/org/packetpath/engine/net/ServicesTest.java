package org.packetpath.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Service names are read from a services(5) file as the C library reads it. */
class ServicesTest {
  @TempDir Path dir;

  @Test
  void namesAndAliasesFromTheFileTheFirstEntryWinning() throws IOException {
    Path file = dir.resolve("services");
    Files.writeString(file, """
        # a comment
        ssh\t\t22/tcp\t\t\t\t# SSH Remote Login Protocol
        domain\t\t53/tcp
        domain\t\t53/udp
        http\t\t80/tcp\t\twww\t\t# WorldWideWeb HTTP
        odd\t\t8080/tcp\t\twww
        broken\t\tx/tcp
        """);
    Services services = Services.read(file);
    assertEquals(Optional.of(22), services.lookup("ssh"));
    assertEquals(Optional.of(53), services.lookup("domain"));
    assertEquals(Optional.of(80), services.lookup("www"), "an alias; the first entry wins");
    assertEquals(Optional.empty(), services.lookup("broken"));
    assertEquals(Optional.empty(), services.lookup("SSH"), "names are exact");
  }

  @Test
  void withoutTheFileTheBuiltInTableStandsIn() {
    Services services = Services.read(dir.resolve("missing"));
    assertEquals(Optional.of(22), services.lookup("ssh"));
    assertEquals(Optional.of(443), services.lookup("https"));
  }
}
