/**
 * Erasure sets: Reed-Solomon encoding of objects into shards over the drives of a set, bitrot framing,
 * quorum decisions, per-key locks, reading with reconstruction, and healing. Implements the
 * {@link dev.cairn.storage.object.ObjectLayer} over the sets ({@link dev.cairn.storage.erasure.ErasureSets}).
 *
 * <p>Depends on {@code object} (the contract), {@code drive}, {@code meta}, {@code codec} and {@code hash}.
 */
package dev.cairn.storage.erasure;
