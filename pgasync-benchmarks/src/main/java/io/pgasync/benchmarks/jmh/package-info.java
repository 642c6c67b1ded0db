/**
 * JMH microbenchmarks of pgasync's hot paths: value decoding and parameter encoding through the public codec SPI
 * (the built-in codecs of {@code CodecRegistry.builtins()}), a DataRow decoded the way the driver decodes it, and the
 * whole client path (Bind, write, frame decoding, row decoding, future completion) against an in-process
 * replay backend, so no PostgreSQL work is in the figures. Run with {@code org.openjdk.jmh.Main} and {@code -prof gc}.
 */
package io.pgasync.benchmarks.jmh;
