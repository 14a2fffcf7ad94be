/**
 * The ground floor for everything a user writes: where a piece of input came from ({@link
 * org.packetpath.engine.input.SourcePosition}), what is wrong with it ({@link
 * org.packetpath.engine.input.Diagnostic}, with iptables' wording and a hint), reading a user's
 * file without ever throwing ({@link org.packetpath.engine.input.SourceText}), "did you mean"
 * ({@link org.packetpath.engine.input.Suggest}), the outcome of reading it, its value or why
 * there is none ({@link org.packetpath.engine.input.Parsed}), and the one exception that
 * carries the diagnostics of input that cannot be loaded ({@link
 * org.packetpath.engine.input.InputException}): rules, topologies, packets and exercise files
 * alike.
 *
 * <p>It depends on nothing else in the engine. Nothing here is {@code null} unless a method says
 * so.
 */
package org.packetpath.engine.input;
