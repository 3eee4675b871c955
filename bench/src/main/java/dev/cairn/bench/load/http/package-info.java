/**
 * A small HTTP/1.1 client made for load generation: keep-alive connections served by event loops (a thread with a
 * selector each, as wrk does), request bodies generated straight into a reused direct buffer, responses parsed as
 * their bytes arrive and bodies handed to a sink as slices of the reused read buffer, never copied. It exists because
 * the JDK's {@code HttpClient} spent several times the CPU of the server it measured (executor handoffs, reactive
 * body pipeline, heap buffers per read), so the load tool measured itself. Plain {@code http} only: TLS would measure
 * the TLS stack, not the server.
 */
package dev.cairn.bench.load.http;
