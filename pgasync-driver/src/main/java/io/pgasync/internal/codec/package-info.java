/**
 * Internal: the built-in codecs (one file per family: {@code NumericCodecs}, {@code TextCodecs},
 * {@code DateTimeCodecs}, {@code MiscCodecs}), the {@link io.pgasync.internal.codec.CodecRegistry} that maps type
 * OIDs to codecs, the connection's {@link io.pgasync.internal.codec.DefaultCodecContext}, and the built-in type
 * OIDs in {@link io.pgasync.internal.codec.PgOids}. Not an API.
 */
package io.pgasync.internal.codec;
