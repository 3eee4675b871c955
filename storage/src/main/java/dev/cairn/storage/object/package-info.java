/**
 * The {@link dev.cairn.storage.object.ObjectLayer} contract: everything the S3 API needs from storage, nothing
 * about drives. Records in, records out, and one error type ({@link dev.cairn.storage.object.ObjectException}).
 * The erasure package implements it; this package depends on nothing below it.
 */
package dev.cairn.storage.object;
