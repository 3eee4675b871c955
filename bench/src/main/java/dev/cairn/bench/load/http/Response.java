package dev.cairn.bench.load.http;

/**
 * The head of a response whose body has been read into the request's sink.
 *
 * @param etag the {@code ETag} header value, null when absent
 */
public record Response(int status, String etag) {}
