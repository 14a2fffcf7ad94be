/**
 * The terminal side of the engine's styled text: how its roles look with ANSI colours, and
 * whether they are shown at all. Nothing here decides what a view says.
 */
package org.packetpath.lab.term;
