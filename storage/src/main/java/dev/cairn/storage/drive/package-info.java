/**
 * One disk: the {@link dev.cairn.storage.drive.Drive} interface, its local implementation and decorators.
 *
 * <p>Only {@link dev.cairn.storage.drive.LocalDrive} touches {@code java.nio.file}. Errors are
 * {@link dev.cairn.storage.drive.DriveException}s with a {@link dev.cairn.storage.drive.DriveError}; the erasure layer reduces them
 * across drives by that code, never by message.
 */
package dev.cairn.storage.drive;
