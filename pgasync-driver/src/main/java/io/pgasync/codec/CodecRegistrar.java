package io.pgasync.codec;

/** Where a {@link CodecProvider} registers its codecs. */
public interface CodecRegistrar {

    /**
     * Replaces the driver's codec for a built-in type (OID below 10000), and derives the codec of its array
     * type from it.
     *
     * @param oid the built-in type's OID
     * @param codec the codec
     * @return this registrar
     * @throws IllegalArgumentException when the OID is not a built-in one
     */
    CodecRegistrar register(int oid, Codec<?> codec);

    /**
     * Registers a codec for a base type known by name (an extension type such as {@code geometry}), bound to
     * the type's OID when a connection first meets the type; arrays of it get a derived codec.
     *
     * @param schema the type's schema, or null to match the name in any schema
     * @param typeName the type's name, as in {@code pg_type.typname}
     * @param codec the codec
     * @return this registrar
     */
    CodecRegistrar registerType(String schema, String typeName, Codec<?> codec);
}
