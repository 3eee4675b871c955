package dev.cairn.storage.meta;

/**
 * One part of a version (a single-part object has part 1).
 *
 * @param number     part number, 1..10000
 * @param size       bytes of this part as stored (after encryption/compression, when those apply)
 * @param actualSize bytes of this part as the client sent them
 * @param etag       the part's ETag (hex MD5 of the part as sent), without quotes
 */
public record PartInfo(int number, long size, long actualSize, String etag) {
}
