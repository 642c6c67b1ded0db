/**
 * The codec SPI: how values of a PostgreSQL type are encoded and decoded ({@link io.pgasync.codec.Codec}), what a
 * codec can ask of its connection ({@link io.pgasync.codec.CodecContext}), how a library adds codecs to every
 * connection ({@link io.pgasync.codec.CodecProvider}, found by {@link java.util.ServiceLoader}), the JSON hook
 * ({@link io.pgasync.codec.PgJsonMapper}) and the formats of function codecs
 * ({@link io.pgasync.codec.PgCodecFormat}). See {@code docs/types.md}.
 */
package io.pgasync.codec;
