/**
 * HTTP plumbing of the S3 API on Vert.x: parsing requests into {@link dev.cairn.storage.api.http.S3Request},
 * streaming bodies in and out between the event loop and the handlers' virtual threads, and the small header
 * grammars (ranges, preconditions).
 */
package dev.cairn.storage.api.http;
