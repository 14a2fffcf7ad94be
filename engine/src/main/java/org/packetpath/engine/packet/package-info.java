/**
 * Packets as the simulator sees them: the IPv4 header fields and the transport fields rules can
 * match, and the packet syntax learners type ({@code tcp office:40000 > fw:22 SYN in wan0}).
 */
package org.packetpath.engine.packet;
