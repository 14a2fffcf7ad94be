/**
 * Packets the learner types, read against a firewall and sent through it: {@link
 * org.packetpath.lab.packets.Packets} is what {@code trace}, {@code verify}, guided mode and the
 * shell share. Drawing the traces stays with each of them; the kernel belongs to {@code
 * org.packetpath.lab.kernel}.
 *
 * <p>Non-null unless stated.
 */
package org.packetpath.lab.packets;
