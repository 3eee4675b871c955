/**
 * Drive arguments, erasure-set layout and drive formats: the pure decisions a node makes before it
 * touches an object.
 *
 * <p>This package owns
 * <ul>
 *   <li>expanding the drive arguments ({@link dev.cairn.storage.format.Ellipses});</li>
 *   <li>how many drives form an erasure set, default parity per storage class, and read/write quorum
 *       ({@link dev.cairn.storage.format.SetLayout}, {@link dev.cairn.storage.format.StorageClassParity},
 *       {@link dev.cairn.storage.format.Quorum});</li>
 *   <li>the {@code format.json} each drive carries, and its JSON form
 *       ({@link dev.cairn.storage.format.FormatFile});</li>
 *   <li>deciding, from what was read on every configured drive, which drive sits at which position, which
 *       drives must be formatted and which sets need healing ({@link dev.cairn.storage.format.FormatResolver}).</li>
 * </ul>
 *
 * <p>Nothing here does I/O: callers read the drives, describe what they found as
 * {@link dev.cairn.storage.format.DriveState}s, and carry out the returned
 * {@link dev.cairn.storage.format.Resolution}. Every type is immutable and thread-safe.
 */
package dev.cairn.storage.format;
