/**
 * The check harness: an exercise's checks run as JUnit Platform tests through the launcher.
 *
 * <ul>
 *   <li>{@link org.packetpath.lab.check.CheckEngine} is a small JUnit Platform test engine: one
 *       container per exercise, one test per check, configured by configuration parameters
 *       ({@code packetpath.exercise}, {@code packetpath.rules}).
 *   <li>{@link org.packetpath.lab.check.CheckHarness} runs it through the launcher and collects
 *       {@link org.packetpath.lab.check.CheckResult}s: data first, for the terminal lab, graders
 *       and other views; {@link org.packetpath.lab.check.CheckText} is the terminal's view.
 *   <li>{@link org.packetpath.lab.check.ExerciseVerifier} proves the exercises themselves.
 * </ul>
 *
 * <p>Non-null unless stated.
 */
package org.packetpath.lab.check;
