/**
 * S3's additional ("flexible") checksums: the five algorithms with their header and XML names
 * ({@link dev.cairn.storage.api.checksum.ChecksumAlgorithm}), streaming computation
 * ({@link dev.cairn.storage.api.checksum.Checksummer}, our own CRC-64/NVME in
 * {@link dev.cairn.storage.api.checksum.Crc64Nvme}), verification of a request body
 * ({@link dev.cairn.storage.api.checksum.ChecksumInputStream}) and the checksums of multipart objects, composite
 * and full-object ({@link dev.cairn.storage.api.checksum.MultipartChecksums}). A value that is not the algorithm's
 * base64 is InvalidRequest; a body whose checksum differs from the one sent is BadDigest, as S3 answers.
 */
package dev.cairn.storage.api.checksum;
