/**
 * Reed-Solomon erasure coding over GF(2^8): Cairn's on-disk parity format and the code that computes it.
 *
 * <p>This package owns the format: the field ({@link dev.cairn.storage.codec.GaloisField}) and the encode
 * matrix ({@link dev.cairn.storage.codec.EncodeMatrix}), pinned by golden vectors checked in
 * {@link dev.cairn.storage.codec.Codecs#selfTest()}. It also owns the implementations of
 * {@link dev.cairn.storage.codec.ErasureCodec}, which differ only in speed and must agree byte for byte:
 * scalar tables ({@link dev.cairn.storage.codec.JavaTableCodec}), the Vector API
 * ({@link dev.cairn.storage.codec.VectorCodec}) and ISA-L over FFM ({@link dev.cairn.storage.codec.IsalCodec}),
 * chosen by {@link dev.cairn.storage.codec.Codecs#create(int, int)}.
 *
 * <p>It does not own how shards are laid out in objects, checksummed, or stored on drives: callers hand it
 * equally sized buffers and get parity or rebuilt shards back.
 */
package dev.cairn.storage.codec;
