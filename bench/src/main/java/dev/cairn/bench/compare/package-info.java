/**
 * The report of {@code bench/compare}: reads the raw results the script collected (load tool JSON per phase, wrk's
 * text output and CPU time, fio's JSON, a machine description) and renders one table of Cairn against the peer S3
 * server with the physical ceilings, plus the load tool against wrk, as Markdown and JSON.
 */
package dev.cairn.bench.compare;
