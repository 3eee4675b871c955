/**
 * Keyed non-cryptographic hashes that are part of Cairn's on-disk and placement format.
 *
 * <ul>
 *   <li>{@link dev.cairn.storage.hash.HighwayHash256}: HighwayHash with 256-bit output, the bitrot checksum
 *       stored next to every shard block (keyed with {@link dev.cairn.storage.hash.HighwayHash256#BITROT_KEY}).
 *   <li>{@link dev.cairn.storage.hash.SipHash24}: SipHash-2-4, which maps an object name to its erasure set.
 * </ul>
 *
 * <p>Both produce exactly the reference algorithms' outputs (Google's HighwayHash, Aumasson/Bernstein SipHash);
 * changing a single output bit would make existing data unreadable or misplaced, so every implementation here is
 * pinned by the published reference vectors in the tests. Implementations differ only in speed.
 */
package dev.cairn.storage.hash;
