/**
 * {@code ./packetpath shell}: the real {@code jshell} tool with the lab preloaded.
 *
 * <ul>
 *   <li>{@link org.packetpath.lab.repl.Shell} starts jshell in the lab's JVM with the class path
 *       of the running lab and a startup script importing {@link
 *       org.packetpath.lab.repl.LabSession}'s helpers;
 *   <li>{@link org.packetpath.lab.repl.LabSession} is what the learner uses: the firewall {@code
 *       fw}, {@code send}, {@code rules}, {@code append}, {@code check}, {@code reload};
 *   <li>{@link org.packetpath.lab.repl.LabExecutionProvider} is the execution engine that runs
 *       the snippets.
 * </ul>
 *
 * <p>Non-null unless stated.
 */
package org.packetpath.lab.repl;
