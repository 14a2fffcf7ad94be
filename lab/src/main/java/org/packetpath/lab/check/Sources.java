package org.packetpath.lab.check;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.packetpath.lab.Content;

/** Test sources pointing at a line of an exercise file, so that IDEs can jump there. */
final class Sources {
  private Sources() {}

  static TestSource of(Content content, String path, int line) {
    FilePosition position = FilePosition.from(Math.max(line, 1));
    if (content instanceof Content.Directory d) {
      return FileSource.from(d.folder().resolve(path).toFile(), position);
    }
    return ClasspathResourceSource.from(Content.CLASSPATH_ROOT + path, position);
  }
}
