/**
 * Internal: the built-in codecs, one file per family ({@code NumericCodecs}, {@code TextCodecs},
 * {@code DateTimeCodecs}, {@code MiscCodecs}, {@code SystemCodecs}, {@code NetworkCodecs}, {@code BitCodecs},
 * {@code GeometricCodecs}, {@code JsonCodecs}, {@code ExtensionCodecs}) and the derived ones ({@code ArrayCodec},
 * {@code RangeCodecs}, {@code RecordCodecs}, {@code FunctionCodec}); the shared
 * {@link io.pgasync.internal.codec.CodecRegistry} of built-in and provider codecs; a connection's
 * {@link io.pgasync.internal.codec.SessionCodecs}, layered over it with custom codecs and codecs built from
 * introspection ({@link io.pgasync.internal.codec.TypeIntrospection}, cached in a shareable
 * {@link io.pgasync.internal.codec.TypeCache}); the built-in type OIDs in
 * {@link io.pgasync.internal.codec.PgOids}. Not an API.
 */
package io.pgasync.internal.codec;
