/**
 * Plain-English descriptions of rulesets, the teaching view of a ruleset: what each chain is
 * for and what each rule does to which packets.
 */
package org.packetpath.engine.explain;
