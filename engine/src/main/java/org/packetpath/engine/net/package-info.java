/** IPv4 addresses, networks, protocol numbers and service names, parsed the way iptables does. */
package org.packetpath.engine.net;
