/**
 * A small reader for the YAML people write by hand for configuration files, with no library
 * behind it: block mappings and lists, {@code - key: value} items, plain and quoted values,
 * comments, flow lists {@code [a, b]} and flow mappings {@code {a: 1}}, and {@code |} and {@code
 * >} blocks of text. Every node remembers where it was written, and every mistake is reported as
 * a located {@link org.packetpath.engine.input.Diagnostic}. {@link
 * org.packetpath.engine.yaml.Yaml#parse} is the front door.
 *
 * <p>Anchors, aliases, tags, complex keys and several documents in one file are refused with a
 * message saying so. Values are not typed: {@code 1}, {@code yes} and {@code 1.0} are all text,
 * and the reader of the tree decides what they mean.
 */
package org.packetpath.engine.yaml;
