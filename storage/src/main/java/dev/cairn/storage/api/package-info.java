/**
 * The S3 API's pieces that HTTP handlers call: the error table ({@link dev.cairn.storage.api.S3Error}), the one
 * exception handlers throw ({@link dev.cairn.storage.api.S3Exception}), the translation of ObjectLayer failures
 * ({@link dev.cairn.storage.api.ErrorMapper}) and key rules ({@link dev.cairn.storage.api.S3Keys}). Sub-packages:
 * {@code xml} (the documents S3 sends and receives) and {@code checksum} (flexible checksums).
 *
 * <p>Depends on the {@code object} contract only, never on the storage packages below it.
 */
package dev.cairn.storage.api;
