package org.packetpath.lab.repl;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path the running lab was started with, for jshell's compiler: the entries of
 * {@code java.class.path}, the jars their manifests' {@code Class-Path} lists ({@code java -jar
 * lab.jar} names only {@code lab.jar}, which lists {@code lib/*.jar}), and the jars the lab's
 * and the engine's classes were loaded from. Only folders and jars that exist, each once: jshell
 * refuses a class path with anything else in it.
 */
final class ClassPath {
  private final Set<Path> entries = new LinkedHashSet<>();

  private ClassPath() {}

  /** The class path of this JVM, in the form {@code --class-path} takes. */
  static String current(Class<?>... alsoFrom) {
    return of(System.getProperty("java.class.path", ""), alsoFrom);
  }

  /**
   * {@code classPath} (entries separated by {@link File#pathSeparator}) with what the jars'
   * manifests list and where {@code alsoFrom} were loaded from, in the form {@code
   * --class-path} takes.
   */
  static String of(String classPath, Class<?>... alsoFrom) {
    ClassPath path = new ClassPath();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        path.add(entry);
      }
    }
    for (Class<?> type : alsoFrom) {
      location(type).ifPresent(path::add);
    }
    return path.toString();
  }

  /** The jar or folder {@code type} was loaded from, if known. */
  private static Optional<Path> location(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void add(String entry) {
    try {
      add(Path.of(entry));
    } catch (InvalidPathException e) {
      // Not a path on this system: the JVM could not have used it either.
    }
  }

  private void add(Path entry) {
    Path path = entry.toAbsolutePath().normalize();
    boolean jar = Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar");
    if (!(jar || Files.isDirectory(path)) || !entries.add(path)) {
      return;
    }
    if (jar) {
      manifestClassPath(path).forEach(this::add);
    }
  }

  /** The entries of the jar's manifest's {@code Class-Path}, relative to the jar's folder. */
  private static List<Path> manifestClassPath(Path jar) {
    List<Path> found = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      String value = manifest == null ? null
          : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (value == null) {
        return found;
      }
      URI base = jar.getParent().toUri();
      for (String url : value.trim().split("\\s+")) {
        if (!url.isEmpty()) {
          try {
            found.add(Path.of(base.resolve(url)));
          } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            // Not a file URL (or not one this system can open): the JVM skips it too.
          }
        }
      }
    } catch (IOException e) {
      // An unreadable jar adds nothing; the JVM could not read it either.
    }
    return found;
  }

  @Override
  public String toString() {
    return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
  }
}
