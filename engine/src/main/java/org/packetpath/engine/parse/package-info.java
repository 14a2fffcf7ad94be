/**
 * Reading rulesets: the {@code iptables-save}/{@code iptables-restore} format and scripts of
 * {@code iptables} commands, with every problem reported as a located {@link
 * org.packetpath.engine.input.Diagnostic}. {@link org.packetpath.engine.parse.RulesParser} is the
 * front door.
 */
package org.packetpath.engine.parse;
