/**
 * The codec SPI: how values of a PostgreSQL type are encoded and decoded ({@link io.pgasync.codec.Codec}),
 * and what a codec can ask of its connection ({@link io.pgasync.codec.CodecContext}).
 */
package io.pgasync.codec;
