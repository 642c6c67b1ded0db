package io.pgasync.internal.codec;

import io.pgasync.codec.Codec;
import io.pgasync.codec.Format;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The codecs a connection uses, by type OID. Immutable and thread-safe; {@link #builtins()} is shared by every
 * connection without custom codecs, and {@link #builder(CodecRegistry)} derives registries with more codecs.
 *
 * <p>Built-in types (OID below 10000) are looked up in an array indexed by OID, other OIDs in a
 * map. Decoding lookups never return null: an OID without a codec gets a text fallback that decodes to
 * {@code String}. Lookups are cheap but not free (a map lookup boxes OIDs above 127 outside the array): the
 * engine resolves decoders once per RowDescription and encoders once per Bind, not once per value.
 *
 * <p><b>How the protocol engine uses it: result columns.</b> For each column of a RowDescription:
 * {@code Codec<?> c = decoderFor(typeOid)} and
 * {@code Format f = resultFormat(typeOid)}; send {@code f.code()} as the column's result format in Bind, and
 * decode each DataRow value with {@code c.decode(buf, length, f, context)} (a -1 length is SQL NULL and is not
 * passed to the codec). The simple query protocol always returns text: decode with {@link Format#TEXT}.
 *
 * <p><b>Parameters.</b> For each parameter, with the type OID the server reported in ParameterDescription:
 * <ol>
 *   <li>{@code null} → send length -1 (format code irrelevant; use 0);</li>
 *   <li>{@code Codec<?> c = encoderFor(oid, value)}; null → the value cannot be sent as that type: fail the call
 *       with {@code PgParameterException} naming {@code $n}, the type and the value's class;</li>
 *   <li>{@code Format f = parameterFormat(c, value)}: the format code of that parameter in Bind (format codes
 *       come before the values, so decide every format first);</li>
 *   <li>write the value: reserve the int32 length, {@code c.encode(value, f, out, context)}, back-patch the
 *       length. An {@link IllegalArgumentException} from {@code encode} (out of range, unpaired surrogate, ...)
 *       becomes a {@code PgParameterException} for that parameter; the partially written bytes must be
 *       discarded with the whole message.</li>
 * </ol>
 */
public final class CodecRegistry {

    /** OIDs below this are looked up in an array; PostgreSQL assigns built-in OIDs below 10000. */
    static final int ARRAY_LIMIT = 10000;

    private static final CodecRegistry BUILTINS = createBuiltins();

    private final Codec<?>[] byOid;
    private final Map<Integer, Codec<?>> dynamic;

    private CodecRegistry(Codec<?>[] byOid, Map<Integer, Codec<?>> dynamic) {
        this.byOid = byOid;
        this.dynamic = dynamic;
    }

    private static CodecRegistry createBuiltins() {
        Builder builder = new Builder(new Codec<?>[ARRAY_LIMIT], new HashMap<>());
        builder.register(MiscCodecs.BOOL)
                .register(MiscCodecs.BYTEA)
                .register(TextCodecs.CHAR)
                .register(TextCodecs.NAME)
                .register(NumericCodecs.INT8)
                .register(NumericCodecs.INT2)
                .register(NumericCodecs.INT4)
                .register(TextCodecs.TEXT)
                .register(NumericCodecs.OID)
                .register(TextCodecs.JSON)
                .register(NumericCodecs.FLOAT4)
                .register(NumericCodecs.FLOAT8)
                .register(TextCodecs.UNKNOWN)
                .register(TextCodecs.BPCHAR)
                .register(TextCodecs.VARCHAR)
                .register(DateTimeCodecs.DATE)
                .register(DateTimeCodecs.TIME)
                .register(DateTimeCodecs.TIMESTAMP)
                .register(DateTimeCodecs.TIMESTAMPTZ)
                .register(DateTimeCodecs.INTERVAL)
                .register(DateTimeCodecs.TIMETZ)
                .register(NumericCodecs.NUMERIC)
                .register(MiscCodecs.VOID)
                .register(MiscCodecs.UUID_CODEC)
                .register(TextCodecs.JSONB);
        return builder.build();
    }

    /**
     * The registry of built-in codecs shared by connections that have no custom codecs.
     *
     * @return the registry
     */
    public static CodecRegistry builtins() {
        return BUILTINS;
    }

    /**
     * A builder that starts from the codecs of {@code base} (which is not changed).
     *
     * @param base the registry to extend, e.g. {@link #builtins()}
     * @return a builder
     */
    public static Builder builder(CodecRegistry base) {
        return new Builder(Arrays.copyOf(base.byOid, ARRAY_LIMIT), new HashMap<>(base.dynamic));
    }

    /**
     * The codec registered for a type, or null when there is none (unlike {@link #decoderFor(int)}): tells the
     * type system which OIDs still need introspection.
     *
     * @param oid the type OID
     * @return the codec, or null
     */
    public Codec<?> find(int oid) {
        if (oid >= 0 && oid < ARRAY_LIMIT) {
            return byOid[oid];
        }
        return dynamic.get(oid);
    }

    /**
     * The name of a type, when a codec is registered for it.
     *
     * @param oid the type OID
     * @return the type name, or null
     */
    public String typeName(int oid) {
        Codec<?> codec = find(oid);
        return codec == null ? null : codec.typeName();
    }

    /**
     * The codec that decodes values of a type: the registered one, or the text fallback, which decodes the text
     * format to {@code String} and supports no binary.
     *
     * @param oid the type OID
     * @return the codec, never null
     */
    public Codec<?> decoderFor(int oid) {
        Codec<?> codec = find(oid);
        return codec != null ? codec : TextCodecs.FALLBACK;
    }

    /**
     * The format to request for result columns of a type: binary when its codec supports it, text otherwise
     * (including every type without a codec).
     *
     * @param oid the type OID
     * @return the format
     */
    public Format resultFormat(int oid) {
        Codec<?> codec = find(oid);
        return codec != null && codec.supportsBinary() ? Format.BINARY : Format.TEXT;
    }

    /**
     * The codec that encodes a parameter value for a parameter of a type, or null when nothing fits:
     * <ul>
     *   <li>the type's codec when it {@linkplain Codec#canEncode accepts} the value's class (every built-in codec
     *       accepts {@code String});</li>
     *   <li>for a {@code String} that the type's codec does not accept (a custom codec), the text fallback: the
     *       string goes in text and the server parses it;</li>
     *   <li>for a type without a codec (a user enum, domain or extension type not introspected yet), the text
     *       fallback when the value is a {@code String}, {@link Number}, {@link Boolean}, {@link java.util.UUID}
     *       or {@link Enum} (sent by name): their text forms are what PostgreSQL parses;</li>
     *   <li>null otherwise.</li>
     * </ul>
     *
     * @param oid the parameter's type OID, as the server inferred it
     * @param value the non-null value
     * @return the codec, or null
     */
    public Codec<?> encoderFor(int oid, Object value) {
        Class<?> type = value.getClass();
        Codec<?> codec = find(oid);
        if (codec != null) {
            if (codec.canEncode(type)) {
                return codec;
            }
            return type == String.class ? TextCodecs.FALLBACK : null;
        }
        return TextCodecs.FALLBACK.canEncode(type) ? TextCodecs.FALLBACK : null;
    }

    /**
     * The format a parameter value is sent in with the codec {@link #encoderFor} chose: {@link Format#TEXT} when
     * the codec has no binary form, or when the value is a {@code String} and the codec's Java type is not
     * {@code String} (the string is a literal for the server to parse); {@link Format#BINARY} otherwise.
     *
     * @param codec the codec returned by {@link #encoderFor}
     * @param value the non-null value
     * @return the format to declare in Bind and to pass to {@link Codec#encode}
     */
    public Format parameterFormat(Codec<?> codec, Object value) {
        if (!codec.supportsBinary()) {
            return Format.TEXT;
        }
        if (value instanceof String && codec.javaType() != String.class) {
            return Format.TEXT;
        }
        return Format.BINARY;
    }

    /** Builds a registry: the codecs of a base registry plus registered ones (a later registration wins). */
    public static final class Builder {
        private final Codec<?>[] byOid;
        private final Map<Integer, Codec<?>> dynamic;

        private Builder(Codec<?>[] byOid, Map<Integer, Codec<?>> dynamic) {
            this.byOid = byOid;
            this.dynamic = dynamic;
        }

        private Builder register(BaseCodec<?> codec) {
            return register(codec.oid(), codec);
        }

        /**
         * Registers the codec for a type OID, replacing any codec registered for it.
         *
         * @param oid the type OID (a built-in one or one found by introspection)
         * @param codec the codec
         * @return this builder
         */
        public Builder register(int oid, Codec<?> codec) {
            if (oid == PgOids.UNSPECIFIED) {
                throw new IllegalArgumentException("OID 0 means \"no type\" and cannot have a codec");
            }
            if (codec == null) {
                throw new NullPointerException("codec");
            }
            if (oid > 0 && oid < ARRAY_LIMIT) {
                byOid[oid] = codec;
            } else {
                dynamic.put(oid, codec);
            }
            return this;
        }

        /**
         * The registry; the builder may be used again afterwards without affecting it.
         *
         * @return an immutable registry
         */
        public CodecRegistry build() {
            return new CodecRegistry(byOid.clone(), Map.copyOf(dynamic));
        }
    }
}
