package io.pgasync.codec;

/**
 * What the functions given to {@code PgConnection.setTypeCodec(typeName, schema, javaType, encoder, decoder,
 * format)} exchange with the driver, as in asyncpg's {@code set_type_codec}.
 */
public enum PgCodecFormat {
    /**
     * The type's text form: the encoder returns a {@code String} (any {@code CharSequence}), the decoder receives
     * a {@code String}. Values travel in the text format.
     */
    TEXT,
    /**
     * The type's binary form ({@code typsend}/{@code typreceive}): the encoder returns a {@code byte[]}, the
     * decoder receives a {@code byte[]}. Values travel in the binary format.
     */
    BINARY,
    /**
     * The value as the driver represents the type without a custom codec: the encoder returns a value the
     * default codec accepts (for a composite type a {@code PgRecord}, {@code List} or {@code Map}; for a range a
     * {@code PgRange}; for {@code numeric} a {@code BigDecimal}, ...), the decoder receives what the default codec
     * decodes. Values travel in the default codec's format.
     */
    TUPLE
}
