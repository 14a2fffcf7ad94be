/**
 * The lab's exercises as data: {@link org.packetpath.lab.ExerciseCatalog} reads the index and
 * the exercise folders (from the class path or a folder) into {@link org.packetpath.lab.Exercise}
 * records, with a located diagnostic for every mistake in any file. Running checks belongs to
 * {@code org.packetpath.lab.check}, the command line to {@code org.packetpath.lab.cli}.
 *
 * <p>Non-null unless stated: absent values are {@code Optional}, none is an empty list.
 */
package org.packetpath.lab;
