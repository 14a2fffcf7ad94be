/**
 * The iptables rules model: a {@link org.packetpath.engine.rules.Ruleset} of tables, chains and
 * rules, kept in the canonical form {@code iptables-save} prints.
 *
 * <p>All types are immutable values. Nothing here is {@code null} unless a method says so.
 */
package org.packetpath.engine.rules;
