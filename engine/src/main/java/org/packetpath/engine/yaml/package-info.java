/**
 * The YAML files people write for PacketPath (topologies, exercises, the exercise index), read
 * with snakeyaml-engine and checked by the readers of each kind of file. {@link
 * org.packetpath.engine.yaml.YamlFile} is the front door: it reads a file, turning every syntax
 * error into a located {@link org.packetpath.engine.input.Diagnostic} with a plain-English hint,
 * and offers the checks of its structure (a mapping, a list or a value, required and unknown
 * keys, empty values, numbers in range), worded the same for every file. {@link
 * org.packetpath.engine.yaml.YamlNode} is the tree, where every node remembers where it was
 * written. The rest is machinery.
 *
 * <p>Values are not typed: {@code 1}, {@code yes} and {@code 1.0} are all text, and the reader
 * of the tree decides what they mean. Refused with a message saying so: anchors, aliases and
 * tags, complex keys ({@code ? }), a key twice in one mapping, several documents in one file,
 * indentation indicators ({@code |2}), and a value written on one line, plain or quoted, that
 * goes on on the next line (text over several lines is written with {@code |} or {@code >}).
 * Limits on nesting and length keep a hostile file from exhausting the reader; {@code Yaml}
 * lists them.
 *
 * <p>Nothing here is {@code null} unless a method says so.
 */
package org.packetpath.engine.yaml;
