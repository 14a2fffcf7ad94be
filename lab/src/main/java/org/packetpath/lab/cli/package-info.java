/**
 * The {@code ./packetpath} command line: one picocli command class per subcommand, all thin layers
 * over the engine and lab APIs.
 */
package org.packetpath.lab.cli;
