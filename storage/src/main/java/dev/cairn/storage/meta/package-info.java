/**
 * The {@code cairn.meta} file: every version of one key as stored on one drive, in a versioned binary format.
 *
 * <p>Owns the in-memory model ({@link dev.cairn.storage.meta.ObjectMeta}, {@link dev.cairn.storage.meta.ObjectVersion})
 * and its encoding ({@link dev.cairn.storage.meta.MetaCodec}). Knows nothing about drives or erasure coding
 * beyond the fields it records.
 */
package dev.cairn.storage.meta;
