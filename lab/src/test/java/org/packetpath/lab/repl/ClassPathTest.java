package org.packetpath.lab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.packetpath.engine.sim.Simulator;

/** The class path handed to jshell: as {@code java -jar lab.jar} runs, everything exists. */
class ClassPathTest {
  @TempDir Path dir;

  private Path jar(String name, String classPath) throws IOException {
    Path jar = dir.resolve(name);
    Files.createDirectories(jar.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (!classPath.isEmpty()) {
      manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    }
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
      jarOut.flush();
    }
    return jar;
  }

  @Test
  void aJarsManifestClassPathIsFollowedAndWhatDoesNotExistIsLeftOut() throws IOException {
    Path engine = jar("lib/engine.jar", "");
    Path picocli = jar("lib/picocli.jar", "../lib/engine.jar");
    Path lab = jar("lab.jar", "lib/engine.jar lib/picocli.jar lib/missing.jar");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    String given = String.join(File.pathSeparator, lab.toString(), dir.resolve("gone").toString(),
        dir.resolve("lab.jar").toString(), "", classes.toString());
    assertEquals(List.of(lab.toString(), engine.toString(), picocli.toString(),
        classes.toString()), List.of(ClassPath.of(given).split(File.pathSeparator)));
  }

  @Test
  void theEnginesJarOrFolderIsAlwaysThere() {
    String path = ClassPath.of("", Simulator.class);
    assertTrue(Files.isDirectory(Path.of(path)) || path.endsWith(".jar"), path);
    assertEquals(1, path.split(File.pathSeparator).length, path);
  }
}
