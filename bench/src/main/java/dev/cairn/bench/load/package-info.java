/**
 * An S3 load generator: {@code ./cairn bench [options]} ({@link dev.cairn.bench.load.LoadMain}).
 *
 * <p>It drives any S3 endpoint with a weighted mix of PUT, GET, HEAD, LIST, DELETE and multipart PUT at a fixed
 * number of requests in flight, using the JDK's asynchronous {@link java.net.http.HttpClient} and its own SigV4
 * signer ({@code UNSIGNED-PAYLOAD}), and reports throughput, latency percentiles and S3 error codes per operation,
 * plus the CPU the client and (for a local server) the server spent. Object bodies are a pure function of
 * (key, size), streamed from a counter-based PRNG, so a GET can be verified without keeping what was written.
 */
package dev.cairn.bench.load;
