/**
 * The learner's side of the lab on disk: the workspace folder ({@code work/} beside the {@code
 * ./packetpath} launcher) with a working copy of each exercise's rules and the progress file.
 *
 * <p>{@link org.packetpath.lab.progress.Workspace} owns the folder: it creates working copies
 * from the starting rules, resets them only when asked (keeping a backup), and reads and writes
 * {@link org.packetpath.lab.progress.Progress} through {@link
 * org.packetpath.lab.progress.ProgressFile}. Progress is written atomically (a temporary file
 * moved over the old one), so a crash leaves either the old or the new file; a damaged file is
 * kept as a backup and rebuilt, never fatal.
 */
package org.packetpath.lab.progress;
