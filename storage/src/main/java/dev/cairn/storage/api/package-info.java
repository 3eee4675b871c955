/**
 * The S3 API: HTTP routing, authentication, the S3 error table and XML documents, and one handler per S3
 * operation, over the {@link dev.cairn.storage.object.ObjectLayer}. Nothing here knows about drives.
 */
package dev.cairn.storage.api;
