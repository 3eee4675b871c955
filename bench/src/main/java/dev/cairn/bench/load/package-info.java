/**
 * An S3 load generator: {@code ./cairn bench [options]} ({@link dev.cairn.bench.load.LoadMain}).
 *
 * <p>It drives any S3 endpoint with a weighted mix of PUT, GET, HEAD, LIST, DELETE and multipart PUT at a fixed
 * number of requests in flight, each on its own keep-alive connection, served by one event loop per core (an HTTP/1.1
 * client of its own, {@link dev.cairn.bench.load.http}), signed by its own SigV4 signer ({@code UNSIGNED-PAYLOAD}).
 * It reports throughput, latency percentiles and S3 error codes per operation, plus the CPU the client and (for a local server) the server spent. Object bodies are a pure function of
 * (key, size), streamed from a counter-based PRNG, so a GET can be verified without keeping what was written.
 */
package dev.cairn.bench.load;
